import { timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickLocale } from '@fazhi/common';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Config, UploadSettings } from '../config.ts';
import type { Database } from '../db/index.ts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, unavailableReason } from '../db/unavailable.ts';
import { uploadSettings } from '../files/settings.ts';
import { registerModules } from '../modules/index.ts';
import { loadActor } from '../modules/platform/actor.ts';
import { toMe } from '../modules/platform/auth.service.ts';
import {
  closeSession,
  findSession,
  isIdle,
  SESSION_COOKIE,
  touchSession,
} from '../modules/platform/sessions.ts';
import { getSecuritySettings } from '../modules/platform/settings.service.ts';
import { limitBody } from './body-limit.ts';
import type { AppEnv } from './env.ts';
import { AppError } from './errors.ts';
import { fromHttpException, validationHook } from './validation.ts';
import { mountWebApp } from './web-app.ts';

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'version' | 'secureCookies' | 'trustProxy'>;
  orgId: number;
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string | null;
  /** Where uploads wait and how large evidence may be; tests take the defaults. */
  uploads?: UploadSettings;
}

export type App = OpenAPIHono<AppEnv>;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * compress() leaves bodies under 1 KB alone only when it knows their length, and c.json() sends
 * none: give JSON answers (whole in memory already) their length, so small ones go out as they are.
 */
const measureJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const res = c.res;
  if (res.headers.has('content-length') || !res.headers.get('content-type')?.startsWith('application/json'))
    return;
  const body = await res.arrayBuffer();
  c.res = new Response(body, res);
  c.res.headers.set('content-length', String(body.byteLength));
};

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Scripts, connections, fonts and frames from the app's own origin only: no inline script, no
 * eval, no other site, never framed. Styles may be inline — antd writes its CSS-in-JS into
 * <style> elements and the boot frame sets widths in style attributes; images may be data: or
 * blob: URLs (icons, previews of uploaded files).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(deps: AppDeps): App {
  const { database } = deps;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => validationHook(result),
  });

  app.use(
    '*',
    secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }),
  );
  // No body is read beyond its limit, before the session is looked at (413 naming the limit).
  app.use('/api/*', limitBody({ evidence: uploadSettings(deps).evidenceLimit }));
  // Lists, the OpenAPI document and report figures shrink to a fifth or less in gzip.
  app.use('/api/*', compress(), measureJson);

  app.onError((err, c) => {
    const locale = pickLocale(c.req.header('accept-language'));
    if (err instanceof AppError) return c.json(err.toBody(locale), err.status as 400);
    const refused = fromHttpException(err);
    if (refused) return c.json(refused.toBody(locale), refused.status as 400);
    if (err instanceof HTTPException) return err.getResponse();
    if (isDatabaseUnavailable(err)) {
      console.error('database unavailable:', unavailableReason(err));
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return c.json(new AppError('DATABASE_UNAVAILABLE').toBody(locale), 503);
    }
    console.error(err);
    return c.json(new AppError('INTERNAL').toBody(locale), 500);
  });

  // Session, context and CSRF for every API call. A session idle for too long is closed here.
  app.use('/api/*', async (c, next) => {
    const locale = pickLocale(c.req.header('accept-language'));
    let clientIp: string | null = null;
    if (deps.config.trustProxy) clientIp = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
    if (!clientIp) {
      try {
        clientIp = getConnInfo(c).remote.address ?? null;
      } catch {
        clientIp = null;
      }
    }
    c.set('ctx', { db: database.db, orgId: deps.orgId, locale, clientIp, actor: null });
    c.set('session', null);
    c.set('sessionToken', null);
    c.set('record', null);
    c.set('passwordExpired', false);

    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await findSession(database.db, token);
      if (session) {
        const now = new Date();
        const policy = await getSecuritySettings(database.db, session.orgId);
        if (isIdle(session, policy.idleTimeoutMinutes, now)) {
          await closeSession(database.db, token);
          throw new AppError('SESSION_EXPIRED');
        }
        if (STATE_CHANGING.has(c.req.method)) {
          const sent = c.req.header('x-csrf-token') ?? '';
          if (!sameToken(sent, session.csrfToken)) throw new AppError('CSRF');
        }
        const record = await loadActor(database.db, session.officerId);
        if (!record?.officer.active) {
          await closeSession(database.db, token);
          throw new AppError('UNAUTHENTICATED');
        }
        if (now.getTime() - session.lastSeenAt.getTime() > 30_000)
          await touchSession(database.db, session, now);
        c.set('session', session);
        c.set('sessionToken', token);
        c.set('record', record);
        if (session.stage === 'full') {
          c.set('ctx', {
            ...c.get('ctx'),
            orgId: session.orgId,
            actor: record.actor,
            secondFactorAt: session.secondFactorAt,
          });
          c.set('passwordExpired', (await toMe(database.db, record)).passwordExpired);
        }
      }
    }
    await next();
  });

  registerModules(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Fazhi API',
      version: deps.config.version,
      description:
        'The JSON API of Fazhi (法治). Sign in with POST /api/auth/login; the session is a cookie, and every ' +
        'state-changing call sends the value of the `fazhi_csrf` cookie in the `X-CSRF-Token` header. ' +
        'Each operation names who may call it in `x-access`.',
    },
  });
  mountApiDocs(app);
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND');
  });
  if (deps.webDist) mountWebApp(app, deps.webDist);
  return app;
}

const require = createRequire(import.meta.url);

/** Swagger UI from the installed package, so the reference works on a closed network. */
function mountApiDocs(app: App) {
  const assets = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const rel = path.relative(process.cwd(), assets);
  app.get(
    '/api/docs/assets/*',
    serveStatic({ root: rel, rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }),
  );
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fazhi API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`),
  );
  // A file, not an inline script: the Content-Security-Policy allows no inline script.
  app.get('/api/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });\n", 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
    }),
  );
}

export const defaultWebDist = () =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
