import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike, prefixPattern } from './like.ts';

describe('LIKE patterns from user text', () => {
  it('makes the wildcards and the escape character literal', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(containsPattern('%')).toBe('%\\%%');
    expect(prefixPattern('case_')).toBe('case\\_%');
    expect(containsPattern('殴打')).toBe('%殴打%');
  });
});
