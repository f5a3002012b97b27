import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../http/env.ts';
import { AppError } from '../../../http/errors.ts';
import { XLSX } from '../../../platform-io/excel.ts';

export const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** An uploaded .xlsx under the multipart field `file`. */
export const upload = (extra: Record<string, z.ZodType> = {}) => ({
  content: {
    'multipart/form-data': {
      schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), ...extra }),
    },
  },
  required: true,
});

export async function uploadedFile(c: Context<AppEnv>): Promise<ArrayBuffer> {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', { file: 'required' });
  return file.arrayBuffer();
}

/** A file download. Typed `never` because route typing only knows JSON bodies. */
export function xlsxDownload(c: Context<AppEnv>, name: string, data: Buffer): never {
  c.header('Content-Type', XLSX);
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return c.body(new Uint8Array(data), 200) as never;
}

export const XLSX_TYPE = XLSX;
