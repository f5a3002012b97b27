import { sql } from 'drizzle-orm';
import type { Queryable } from './index.ts';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Tables the application only reads and adds to through functions, never writes directly. */
const APPEND_ONLY_THROUGH_FUNCTIONS = ['audit_log', 'audit_legacy_unsealed'];

/**
 * Gives an existing database role what the running application needs and no more: read and write
 * the business tables, read the audit log and add to it only through `fazhi_audit_append`
 * (whose MAC it cannot forge without the audit key), add seals but never change one. Run by the
 * owner after every `fazhi migrate` (new tables need their grants).
 */
export async function grantAppRole(db: Queryable, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`not a role name: ${role}`);
  const r = sql.identifier(role);
  const statements = [
    sql`grant usage on schema public to ${r}`,
    sql`grant select, insert, update, delete on all tables in schema public to ${r}`,
    sql`grant usage, select on all sequences in schema public to ${r}`,
    sql`revoke insert, update, delete, truncate on ${sql.join(
      APPEND_ONLY_THROUGH_FUNCTIONS.map((t) => sql.identifier(t)),
      sql`, `,
    )} from ${r}`,
    sql`revoke update, delete, truncate on audit_seals from ${r}`,
    sql`grant execute on function fazhi_audit_append(bigint, integer, timestamptz, integer, text, text,
      integer, text, text, text, text, text, jsonb, text, text, text) to ${r}`,
    // to see that the schema is up to date at start (prepareDatabase), never to migrate
    sql`grant usage on schema drizzle to ${r}`,
    sql`grant select on all tables in schema drizzle to ${r}`,
  ];
  for (const s of statements) await db.execute(s);
}
