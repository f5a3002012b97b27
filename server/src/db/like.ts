/**
 * The one way user-typed text enters a LIKE / ILIKE pattern. PostgreSQL's default LIKE escape
 * character is the backslash, so escaping `\`, `%` and `_` with it makes them literal: a search
 * for `%` finds the records that contain a percent sign, not every record.
 */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches values that contain `text`. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;

/** Matches values that start with `text`. */
export const prefixPattern = (text: string) => `${escapeLike(text)}%`;
