import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, Env, Hono } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { parseAccept } from 'hono/utils/accept';
import { getMimeType } from 'hono/utils/mime';

/**
 * The built web app (web/dist), served as a CDN would serve it:
 *  - compressed: brotli or gzip as the browser accepts, from the `.br` / `.gz` files the web build
 *    writes beside each file (web/vite.config.ts), so no CPU is spent per request; a file without
 *    them is compressed once, on first request, and kept;
 *  - hashed files under /assets/ cached for a year (`immutable`: a new release has new names);
 *    everything else, index.html first, `no-cache`, so a browser revalidates it (ETag → 304) and
 *    picks up a new release at once;
 *  - every other path is a route of the single-page app and gets index.html, except under
 *    /assets/: a chunk of an older release answers 404, never HTML posing as JavaScript.
 * The files are read into memory at start (a few MB): the set is fixed for the life of a
 * release, and serving from memory needs no file-system access per request.
 */

type Encoding = 'br' | 'gzip';
const ENCODINGS: readonly Encoding[] = ['br', 'gzip']; // preferred first
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
/** Below this, compression saves less than the round trip costs in headers and CPU. */
const MIN_COMPRESS_BYTES = 1024;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Variant {
  body: Uint8Array;
  etag: string;
}

interface WebFile {
  type: string;
  cacheControl: string;
  identity: Variant;
  /** Present only for compressible files; filled from disk at start or on first request. */
  encoded?: Partial<Record<Encoding, Promise<Variant | null>>>;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Fallback for a file the build did not compress: moderate settings, once per file. */
function compressNow(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipAsync(body, { level: 6 });
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

function loadFile(dist: string, rel: string): WebFile {
  const full = path.join(dist, rel);
  const body = readFileSync(full);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const type = getMimeType(rel) ?? 'application/octet-stream';
  const urlPath = `/${rel.split(path.sep).join('/')}`;
  const file: WebFile = {
    type,
    cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
    identity: { body, etag: `"${hash}"` },
  };
  if (COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) && body.length >= MIN_COMPRESS_BYTES) {
    file.encoded = {};
    for (const enc of ENCODINGS) {
      const sibling = full + SUFFIX[enc];
      if (!existsSync(sibling)) continue;
      const encodedBody = readFileSync(sibling);
      // the representation's own tag: a cache holding the gzip bytes must not get a 304 for br
      file.encoded[enc] = Promise.resolve(
        encodedBody.length < body.length ? { body: encodedBody, etag: `"${hash}-${enc}"` } : null,
      );
    }
  }
  return file;
}

/** The encoding to send: the preferred one among those the request accepts with q > 0. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepts = parseAccept(acceptEncoding);
  const wildcard = accepts.find((a) => a.type === '*')?.q ?? 0;
  let best: { enc: Encoding; q: number } | null = null;
  for (const enc of ENCODINGS) {
    const q = accepts.find((a) => a.type.toLowerCase() === enc)?.q ?? wildcard;
    if (q > 0 && (!best || q > best.q)) best = { enc, q };
  }
  return best?.enc ?? null;
}

async function variantFor(file: WebFile, encoding: Encoding | null): Promise<[Variant, Encoding | null]> {
  if (!encoding || !file.encoded) return [file.identity, null];
  let pending = file.encoded[encoding];
  if (!pending) {
    const { body, etag } = file.identity;
    pending = compressNow(body, encoding).then((b) =>
      b.length < body.length ? { body: b, etag: `${etag.slice(0, -1)}-${encoding}"` } : null,
    );
    file.encoded[encoding] = pending;
  }
  const v = await pending;
  return v ? [v, encoding] : [file.identity, null];
}

/** If-None-Match: a list of tags or `*`; weak comparison (a W/ prefix does not matter). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

async function send(c: Context, file: WebFile) {
  const [variant, encoding] = await variantFor(file, pickEncoding(c.req.header('accept-encoding')));
  const headers: Record<string, string> = {
    'Cache-Control': file.cacheControl,
    ETag: variant.etag,
  };
  // the answer depends on Accept-Encoding for every compressible file, identity included
  if (file.encoded) headers.Vary = 'Accept-Encoding';
  if (notModified(c.req.header('if-none-match'), variant.etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = file.type;
  headers['Content-Length'] = String(variant.body.length);
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(variant.body as Uint8Array<ArrayBuffer>, 200, headers);
}

/** Serves the web app from `dist` on every GET (and HEAD) that no earlier route answered. */
export function mountWebApp<E extends Env>(app: Hono<E>, dist: string) {
  if (!existsSync(path.join(dist, 'index.html'))) return;
  const files = new Map<string, WebFile>();
  for (const rel of listFiles(dist)) {
    if (rel.endsWith('.br') || rel.endsWith('.gz')) continue;
    files.set(`/${rel.split(path.sep).join('/')}`, loadFile(dist, rel));
  }
  const index = files.get('/index.html')!;
  app.get('*', (c) => {
    let p: string;
    try {
      p = decodeURIComponent(c.req.path);
    } catch {
      p = c.req.path;
    }
    const file = files.get(p);
    if (file) return send(c, file);
    if (p.startsWith('/assets/')) return c.notFound();
    return send(c, index);
  });
}
