import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { rows } from '../../db/index.ts';

/**
 * Takes the next number of a per-branch, per-year sequence (case numbers, document numbers …)
 * inside the caller's transaction: the row lock serialises concurrent takers, and a rolled-back
 * transaction gives its number back, so official numbers have no gaps.
 */
export async function nextNumber(tx: Queryable, orgId: number, kind: string, year: number): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`insert into number_sequences (org_id, kind, year, next) values (${orgId}, ${kind}, ${year}, 2)
        on conflict (org_id, kind, year) do update set next = number_sequences.next + 1
        returning next - 1 as n`,
  );
  return Number(row!.n);
}
