import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column shapes every schema file uses: instants with their time zone, and file contents. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
