import { HTTPException } from 'hono/http-exception';
import { AppError, validationError } from './errors.ts';

/**
 * The path of the first text holding a NUL character (`\u0000`) in validated input, or null.
 * PostgreSQL refuses NUL in text and jsonb; refused here, the answer names the field (400)
 * instead of failing in the database (500).
 */
export function nulPath(value: unknown, at: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at.join('.') || '_' : null;
  if (typeof File !== 'undefined' && value instanceof File) return nulPath(value.name, at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, [...at, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...at, k.replaceAll('\u0000', '\\u0000')].join('.');
      const found = nulPath(v, [...at, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

interface HookResult {
  success: boolean;
  data?: unknown;
  error?: { issues: Parameters<typeof validationError>[0] };
}

/**
 * The validation hook of every route (query, path, JSON body, form): a zod failure or a NUL
 * character in what passed answers 400 with the fields named.
 */
export function validationHook(result: HookResult): void {
  // On failure `data` is the input as sent: its NUL is named beside the schema's complaints.
  const at = nulPath(result.data);
  if (!result.success) {
    const error = validationError(result.error?.issues ?? []);
    if (at !== null) error.fields[at] ??= 'nul';
    throw error;
  }
  if (at !== null) throw new AppError('VALIDATION', { [at]: 'nul' });
}

/**
 * Hono's own refusals before zod sees the input: a body that is not JSON (400), a content type
 * the operation does not take (415). Null for anything else.
 */
export function fromHttpException(err: unknown): AppError | null {
  if (!(err instanceof HTTPException)) return null;
  if (err.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', { 'Content-Type': 'contentType' });
  if (err.status !== 400) return null;
  if (/json/i.test(err.message) && !/content-type/i.test(err.message))
    return new AppError('VALIDATION', { body: 'malformedJson' });
  if (/content-type/i.test(err.message)) return new AppError('VALIDATION', { 'Content-Type': 'contentType' });
  return new AppError('VALIDATION', { body: 'invalid' });
}
