/**
 * Request bodies are bounded before they are read: a declared Content-Length above the limit is
 * refused at once, and a body sent without one (chunked) is cut off as soon as it passes the
 * limit. Files (multipart) may be larger than JSON, and evidence larger than other files (a
 * setting). The answer is 413 naming the limit in the user's language.
 *
 * A file upload is never held whole: its body stays a stream, counted as it passes, and the
 * route streams it to a temporary file (files/receive.ts). Only other bodies — JSON, parsed
 * whole anyway — are buffered, within their 8 MB.
 */
import { pickLocale } from '@fazhi/common';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.ts';

export const MB = 1024 * 1024;
/** An uploaded file (an Excel import, a report's attachment, rectification evidence), with its form. */
export const UPLOAD_LIMIT = 25 * MB;
/** Any other body (JSON, a form without a file). */
export const JSON_LIMIT = 8 * MB;

/** The one route whose uploads may be larger than UPLOAD_LIMIT: evidence (FAZHI_EVIDENCE_UPLOAD_MB). */
const EVIDENCE_UPLOAD = /^\/api\/cases\/[^/]+\/evidence\/?$/;

export const payloadTooLarge = (field: 'file' | 'body', limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', {
    [field]: { key: field === 'file' ? 'upload.tooLarge' : 'body.tooLarge', params: { limit: limit / MB } },
  });

function tooLarge(c: Context, field: 'file' | 'body', limit: number) {
  const locale = pickLocale(c.req.header('accept-language'));
  return c.json(payloadTooLarge(field, limit).toBody(locale), 413);
}

/**
 * A multipart body within `limit`: refused at once when its declared length is larger, else
 * passed on as a stream that fails past the limit. Whoever was reading it — the upload stream
 * or a form parser that wraps the failure as 400 — the answer is then 413.
 */
function limitUpload(limit: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.raw.headers.has('transfer-encoding'))
      return Number.parseInt(declared, 10) > limit ? tooLarge(c, 'file', limit) : next();
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          seen += chunk.byteLength;
          if (seen > limit) throw payloadTooLarge('file', limit);
          out.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
    if (seen > limit && c.res.status !== 413) {
      // A fresh answer: nothing of the refusal it replaces (its length above all) carries over.
      const refusal = tooLarge(c, 'file', limit);
      c.res = undefined;
      c.res = refusal;
    }
  };
}

/** The limit of each request's kind: evidence, another upload, or anything else. */
export function limitBody(limits: { evidence: number }): MiddlewareHandler {
  const evidence = limitUpload(limits.evidence);
  const uploads = limitUpload(UPLOAD_LIMIT);
  const others = bodyLimit({ maxSize: JSON_LIMIT, onError: (c) => tooLarge(c, 'body', JSON_LIMIT) });
  return (c, next) => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/')) return others(c, next);
    return c.req.method === 'POST' && EVIDENCE_UPLOAD.test(c.req.path) ? evidence(c, next) : uploads(c, next);
  };
}
