import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows the driver, pool and server errors of an unreachable database', () => {
    for (const e of [
      withCode('ECONNREFUSED'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('08006'),
      withCode('08001'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: undefined }),
      // drizzle wraps the driver's error
      new Error('Failed query: select 1', { cause: withCode('ECONNRESET') }),
    ])
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
  });

  it('leaves bad queries and other errors as they are', () => {
    for (const e of [
      withCode('22P05', 'unsupported Unicode escape sequence'),
      withCode('23505'),
      new Error('boom'),
      'ECONNREFUSED',
      null,
    ])
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
  });
});
