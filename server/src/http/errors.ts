import { ERRORS, type ErrorCode, FIELD_MESSAGES, fieldMessage, type Locale, say } from '@fazhi/common';

export interface RowError {
  row: number;
  column: string;
  message: string;
}

/**
 * The one error type of the server. Field messages are FIELD_MESSAGES keys (with params) and are
 * translated when the response is written, so services never deal with languages.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: Record<string, string | { key: string; params?: Record<string, string | number> }> = {},
    readonly rows: {
      row: number;
      column: string;
      key: string;
      params?: Record<string, string | number>;
    }[] = [],
  ) {
    super(code);
  }

  get status() {
    return ERRORS[this.code].status;
  }

  toBody(locale: Locale) {
    const fields = Object.fromEntries(
      Object.entries(this.fields).map(([k, v]) => [
        k,
        typeof v === 'string' ? fieldMessage(v, locale) : fieldMessage(v.key, locale, v.params),
      ]),
    );
    const rows: RowError[] = this.rows.map((r) => ({
      row: r.row,
      column: r.column,
      message: fieldMessage(r.key, locale, r.params),
    }));
    return {
      error: {
        code: this.code,
        message: say(ERRORS[this.code], locale),
        ...(Object.keys(fields).length ? { fields } : {}),
        ...(rows.length ? { rows } : {}),
      },
    };
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  /** A custom issue's message parameters (e.g. the checklist point it names, in both languages). */
  params?: Record<string, unknown>;
}

/** The text and number parameters of a custom issue (anything else is not for a message). */
function messageParams(p: Record<string, unknown>): Record<string, string | number> | undefined {
  const out = Object.fromEntries(
    Object.entries(p).filter((e): e is [string, string | number] =>
      ['string', 'number'].includes(typeof e[1]),
    ),
  );
  return Object.keys(out).length ? out : undefined;
}

/** Maps one zod issue to a FIELD_MESSAGES key with its parameters. */
export function issueToField(issue: ZodIssueLike): { key: string; params?: Record<string, string | number> } {
  if (issue.message && issue.message in fieldMessageKeys) {
    const params = issue.params && messageParams(issue.params);
    return params ? { key: issue.message, params } : { key: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { key: 'required' }
        : { key: 'invalid' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'required' };
      return {
        key: issue.origin === 'string' ? 'tooShort' : 'tooSmall',
        params: { min: Number(issue.minimum) },
      };
    case 'too_big':
      return {
        key: issue.origin === 'string' ? 'tooLong' : 'tooBig',
        params: { max: Number(issue.maximum) },
      };
    case 'invalid_value':
      return { key: 'notInList' };
    default:
      return { key: 'invalid' };
  }
}

const fieldMessageKeys: Record<string, unknown> = FIELD_MESSAGES;

export function validationError(issues: readonly ZodIssueLike[]): AppError {
  const fields: Record<string, { key: string; params?: Record<string, string | number> }> = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || '_';
    fields[name] ??= issueToField(issue);
  }
  return new AppError('VALIDATION', fields);
}
