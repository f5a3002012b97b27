/**
 * Request bodies are bounded before they are read: a declared Content-Length above the limit is
 * refused at once, and a body sent without one (chunked) is cut off as soon as it passes the
 * limit — the server never buffers more than the limit of any request. Files (multipart) may be
 * larger than JSON. The answer is 413 naming the limit in the user's language.
 */
import { pickLocale } from '@fazhi/common';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.ts';

const MB = 1024 * 1024;
/** An uploaded file (evidence, an Excel import, a report) with its form, in bytes. */
export const UPLOAD_LIMIT = 25 * MB;
/** Any other body (JSON, a form without a file). */
export const JSON_LIMIT = 8 * MB;

function tooLarge(c: Context, field: 'file' | 'body', limit: number) {
  const locale = pickLocale(c.req.header('accept-language'));
  const key = field === 'file' ? 'upload.tooLarge' : 'body.tooLarge';
  const error = new AppError('PAYLOAD_TOO_LARGE', { [field]: { key, params: { limit: limit / MB } } });
  return c.json(error.toBody(locale), 413);
}

const uploads = bodyLimit({ maxSize: UPLOAD_LIMIT, onError: (c) => tooLarge(c, 'file', UPLOAD_LIMIT) });
const others = bodyLimit({ maxSize: JSON_LIMIT, onError: (c) => tooLarge(c, 'body', JSON_LIMIT) });

/** The limit of the request's kind: a multipart upload, or anything else. */
export const limitBody: MiddlewareHandler = (c, next) =>
  (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/')
    ? uploads(c, next)
    : others(c, next);
