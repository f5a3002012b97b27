/**
 * The one HTTP client of the web app. Same-origin cookies carry the session; every
 * non-GET request echoes the readable `fazhi_csrf` cookie in `X-CSRF-Token`; every request
 * names the user's language so the server localises messages and task titles.
 */
import i18n from './i18n/index.ts';

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string>;
  readonly rows?: ImportRowError[];

  constructor(
    status: number,
    body: { code: string; message: string; fields?: Record<string, string>; rows?: ImportRowError[] },
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.rows = body.rows;
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** Multipart upload; sent as is, without a JSON content type. */
  form?: FormData;
  /** The caller handles 401 itself (the `me` probe, the sign-in steps). */
  noAuthRedirect?: boolean;
  /** Do not ask for a verification code on STEP_UP_REQUIRED (the step-up call itself). */
  noStepUp?: boolean;
  signal?: AbortSignal;
}

/** Answers after which the user must sign in again, or change the expired password first. */
const AUTH_LOST_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'PASSWORD_EXPIRED',
  'PASSWORD_CHANGE_REQUIRED',
];
type AuthLostHandler = (code: string) => void;
let authLost: AuthLostHandler = () => {};
/** The app registers how to go to the sign-in page when the session ends. */
export function onAuthLost(handler: AuthLostHandler) {
  authLost = handler;
}

/**
 * A full ID number answers STEP_UP_REQUIRED when the session's last verification code is older
 * than the policy allows: the app asks for a code (the step-up dialog) and the request is sent
 * again once it is accepted. Requests that meet it together share one dialog.
 */
type StepUpHandler = () => Promise<boolean>;
let stepUp: StepUpHandler | null = null;
let stepUpInFlight: Promise<boolean> | null = null;
export function onStepUp(handler: StepUpHandler | null) {
  stepUp = handler;
}
function askStepUp(): Promise<boolean> {
  if (!stepUp) return Promise.resolve(false);
  stepUpInFlight ??= stepUp().finally(() => {
    stepUpInFlight = null;
  });
  return stepUpInFlight;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'zh-CN' };
  if (method !== 'GET') headers['X-CSRF-Token'] = readCookie('fazhi_csrf') ?? '';
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: i18n.t('errors.network') });
  }
  if (res.ok) return res;

  let error: ConstructorParameters<typeof ApiError>[1];
  try {
    const json = (await res.json()) as { error?: typeof error };
    error = json.error ?? { code: 'INTERNAL', message: i18n.t('errors.server', { status: res.status }) };
  } catch {
    error = { code: 'INTERNAL', message: i18n.t('errors.server', { status: res.status }) };
  }
  const err = new ApiError(res.status, error);
  if (err.code === 'STEP_UP_REQUIRED' && !opts.noStepUp && (await askStepUp()))
    return send(method, path, { ...opts, noStepUp: true });
  if (!opts.noAuthRedirect && AUTH_LOST_CODES.includes(err.code)) authLost(err.code);
  throw err;
}

async function json<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1].replace(/"/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Offers a Blob to the user as a file. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const api = {
  get: <T>(path: string, query?: QueryParams, opts?: Omit<RequestOptions, 'query'>) =>
    json<T>('GET', path, { ...opts, query }),
  post: <T = unknown>(path: string, body?: unknown, opts?: RequestOptions) =>
    json<T>('POST', path, { ...opts, body }),
  put: <T = unknown>(path: string, body?: unknown) => json<T>('PUT', path, { body }),
  patch: <T = unknown>(path: string, body?: unknown) => json<T>('PATCH', path, { body }),
  delete: <T = unknown>(path: string) => json<T>('DELETE', path),
  upload: <T = unknown>(path: string, form: FormData) => json<T>('POST', path, { form }),
  /** GETs a file (template, export) and saves it under the server's file name. */
  async download(path: string, query: QueryParams | undefined, fallbackName: string) {
    const res = await send('GET', path, { query });
    saveBlob(await res.blob(), filenameOf(res, fallbackName));
  },
};
