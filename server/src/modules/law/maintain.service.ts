/**
 * Maintaining the law register: offence versions saved one by one or from Excel, never edited in
 * place — a save supersedes the current row (superseded_at) and inserts the new one, audited in
 * the same transaction. The Excel file has one row per penalty bound, so a download of the
 * register imports back unchanged.
 */
import {
  OffenceVersion,
  offenceProblems,
  PENALTY_TYPE_NAMES,
  PENALTY_TYPES,
  type PenaltyBound,
  type PenaltyType,
  type Scheme,
  TIER_NAMES,
  TIERS,
  type Tier,
  type TierRule,
} from '@fazhi/common';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import type { Queryable } from '../../db/index.ts';
import { lawVersions, offenceVersions } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { type Column, readSheet, writeSheet, yesNo } from '../../platform-io/excel.ts';
import { loadLawRegister } from './register.service.ts';

const byName =
  <K extends string>(names: Record<K, { zh: string; en: string }>, codes: readonly K[]) =>
  (raw: string) => {
    const code = codes.find((c) => names[c].zh === raw || names[c].en === raw || c === raw);
    return code ? { value: code } : { error: 'notInList' };
  };
const number = (raw: string) =>
  Number.isFinite(Number(raw)) && Number(raw) >= 0 ? { value: Number(raw) } : { error: 'invalid' };
const REQUIRED_WORD = '必处';
const OPTIONAL_WORD = '可并处';

interface SheetRow {
  name: string;
  version: string;
  article: string;
  tier: Tier;
  label: string | null;
  scheme: number;
  type: PenaltyType;
  part: 'required' | 'optional';
  min: number | null;
  max: number | null;
  organisations: boolean | null;
  publicationExcluded: boolean | null;
  unconfirmed: boolean | null;
  note: string | null;
}

const COLUMNS: Column<SheetRow>[] = [
  { key: 'name', header: '违法行为', required: true },
  { key: 'version', header: '法律版本', required: true },
  { key: 'article', header: '条款', required: true },
  { key: 'tier', header: '情节', required: true, parse: byName(TIER_NAMES, TIERS) },
  { key: 'label', header: '情节表述' },
  {
    key: 'scheme',
    header: '方案',
    required: true,
    parse: (raw) => (/^\d+$/.test(raw) && Number(raw) >= 1 ? { value: Number(raw) } : { error: 'invalid' }),
  },
  { key: 'type', header: '处罚种类', required: true, parse: byName(PENALTY_TYPE_NAMES, PENALTY_TYPES) },
  {
    key: 'part',
    header: '必处/可并处',
    required: true,
    parse: (raw) =>
      raw === REQUIRED_WORD
        ? { value: 'required' }
        : raw === OPTIONAL_WORD
          ? { value: 'optional' }
          : { error: 'notInList' },
  },
  { key: 'min', header: '下限', parse: number },
  { key: 'max', header: '上限', parse: number },
  { key: 'organisations', header: '单位可为处罚对象', parse: yesNo },
  { key: 'publicationExcluded', header: '不予公示', parse: yesNo },
  { key: 'unconfirmed', header: '未经核实', parse: yesNo },
  { key: 'note', header: '说明' },
];

/** The sheet column of a problem's last path part (a bound's min or max, a tier). */
const COLUMN_OF: Record<string, string> = { min: '下限', max: '上限', tier: '情节', required: '必处/可并处' };

/** The register's offences as sheet rows (one per penalty bound), in the register's order. */
export async function exportOffences(db: Queryable): Promise<Buffer> {
  const { offences } = await loadLawRegister(db);
  const rows: SheetRow[] = offences.flatMap((o) =>
    o.tiers.flatMap((t) =>
      t.schemes.flatMap((s, i) =>
        (['required', 'optional'] as const).flatMap((part) =>
          s[part].map((b) => ({
            name: o.name,
            version: o.version,
            article: o.article,
            tier: t.tier,
            label: t.label ?? null,
            scheme: i + 1,
            type: b.type,
            part,
            min: b.min ?? null,
            max: b.max ?? null,
            organisations: o.organisations,
            publicationExcluded: o.publicationExcluded,
            unconfirmed: o.unconfirmed,
            note: o.note ?? null,
          })),
        ),
      ),
    ),
  );
  const yes = (v: boolean | null) => (v ? '是' : '否');
  return writeSheet<SheetRow>(
    '违法行为处罚幅度',
    COLUMNS.map((c) => ({
      header: c.header,
      width: c.key === 'note' ? 40 : c.key === 'article' || c.key === 'version' ? 24 : 14,
      value: (r: SheetRow) => {
        const v = r[c.key];
        if (c.key === 'tier') return TIER_NAMES[r.tier].zh;
        if (c.key === 'type') return PENALTY_TYPE_NAMES[r.type].zh;
        if (c.key === 'part') return r.part === 'required' ? REQUIRED_WORD : OPTIONAL_WORD;
        if (
          typeof v === 'boolean' ||
          c.key === 'organisations' ||
          c.key === 'publicationExcluded' ||
          c.key === 'unconfirmed'
        )
          return yes(v as boolean | null);
        return (v as string | number | null) ?? null;
      },
    })),
    [rows],
  );
}

/** Groups parsed rows into offence versions (row-level fields from each group's first row). */
function toOffences(rows: { row: number; value: SheetRow }[]): { first: number; offence: OffenceVersion }[] {
  const groups = new Map<string, { row: number; value: SheetRow }[]>();
  for (const r of rows) {
    const k = `${r.value.version}|${r.value.name}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const head = g[0]!.value;
    const tiers: TierRule[] = [];
    for (const tier of TIERS) {
      const inTier = g.filter((r) => r.value.tier === tier);
      if (!inTier.length) continue;
      const numbers = [...new Set(inTier.map((r) => r.value.scheme))].sort((a, b) => a - b);
      const schemes: Scheme[] = numbers.map((n) => {
        const bounds = inTier.filter((r) => r.value.scheme === n).map((r) => r.value);
        const bound = (b: SheetRow): PenaltyBound => ({
          type: b.type,
          ...(b.min != null ? { min: b.min } : {}),
          ...(b.max != null ? { max: b.max } : {}),
        });
        return {
          required: bounds.filter((b) => b.part === 'required').map(bound),
          optional: bounds.filter((b) => b.part === 'optional').map(bound),
        };
      });
      const label = inTier.find((r) => r.value.label)?.value.label;
      tiers.push({ tier, ...(label ? { label } : {}), schemes });
    }
    return {
      first: g[0]!.row,
      offence: {
        name: head.name,
        law: head.version.split('@')[0]!,
        version: head.version,
        article: head.article,
        caseType: 'admin',
        tiers,
        organisations: head.organisations ?? false,
        publicationExcluded: head.publicationExcluded ?? false,
        unconfirmed: head.unconfirmed ?? false,
        ...(head.note ? { note: head.note } : {}),
      },
    };
  });
}

/** JSON with sorted keys (a jsonb column gives its keys back in its own order). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

/** Supersedes the current row of each offence version and inserts the new one; audited. */
async function save(tx: Queryable, ctx: Ctx, list: OffenceVersion[]): Promise<number> {
  let saved = 0;
  const officerId = requireActor(ctx).officerId;
  for (const o of list) {
    const where = and(
      eq(offenceVersions.name, o.name),
      eq(offenceVersions.version, o.version),
      isNull(offenceVersions.supersededAt),
    );
    const [before] = await tx.select().from(offenceVersions).where(where);
    // An unchanged row stays as it is: re-importing the exported file changes nothing.
    if (
      before &&
      before.article === o.article &&
      canonical(before.tiers) === canonical(o.tiers) &&
      before.organisations === o.organisations &&
      before.publicationExcluded === o.publicationExcluded &&
      before.unconfirmed === o.unconfirmed &&
      (before.note ?? null) === (o.note ?? null)
    )
      continue;
    if (before)
      await tx
        .update(offenceVersions)
        .set({ supersededAt: new Date() })
        .where(eq(offenceVersions.rowId, before.rowId));
    await tx.insert(offenceVersions).values({ ...o, note: o.note ?? null, createdBy: officerId });
    await audit(tx, ctx, {
      action: before ? 'law.offence.revise' : 'law.offence.add',
      targetType: 'lawOffence',
      targetId: `${o.version}|${o.name}`,
      summary: {
        before: before
          ? { article: before.article, tiers: before.tiers, unconfirmed: before.unconfirmed }
          : null,
        after: { article: o.article, tiers: o.tiers, unconfirmed: o.unconfirmed },
      },
    });
    saved++;
  }
  return saved;
}

async function assertVersions(tx: Queryable, list: OffenceVersion[], rowOf: (i: number) => number | null) {
  const known = new Set(
    (await tx.select({ id: lawVersions.id }).from(lawVersions).where(isNull(lawVersions.supersededAt))).map(
      (v) => v.id,
    ),
  );
  const bad = list.map((o, i) => [o, i] as const).filter(([o]) => !known.has(o.version));
  if (!bad.length) {
    const other = list.find((o) => o.version.split('@')[0] !== o.law);
    if (other)
      throw new AppError('VALIDATION', {
        version: { key: 'law.versionLaw', params: { version: other.version, law: other.law } },
      });
    return;
  }
  const rows = bad.flatMap(([o, i]) => {
    const row = rowOf(i);
    return row
      ? [{ row, column: '法律版本', key: 'law.unknownVersion', params: { version: o.version } }]
      : [];
  });
  if (rows.length) throw new AppError('IMPORT_INVALID', {}, rows);
  throw new AppError('VALIDATION', {
    version: { key: 'law.unknownVersion', params: { version: bad[0]![0].version } },
  });
}

/**
 * One offence version from the register page's form (a new offence, or a revision of one: the
 * row of the same name and version). Each problem of its ranges is named by its field.
 */
export async function saveOffence(ctx: Ctx, input: OffenceVersion) {
  const o = OffenceVersion.parse(input);
  const problems = offenceProblems(o);
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      Object.fromEntries(
        problems.map((p) => [p.path, { key: p.key, ...(p.params ? { params: p.params } : {}) }]),
      ),
    );
  return ctx.db.transaction(async (tx) => {
    await assertVersions(tx, [o], () => null);
    await save(tx, ctx, [o]);
    return o;
  });
}

/** An Excel file of offence versions: all rows or none; each offence version saved as a new row. */
export async function importOffences(ctx: Ctx, data: ArrayBuffer): Promise<number> {
  const parsed = await readSheet<SheetRow>(data, COLUMNS);
  const grouped = toOffences(parsed);
  const issues = grouped.flatMap(({ first, offence }) => {
    const r = OffenceVersion.safeParse(offence);
    if (!r.success || !offence.tiers.every((t) => t.schemes.every((s) => s.required.length > 0)))
      return [{ row: first, column: '必处/可并处', key: 'law.schemeNeedsRequired' }];
    // the same checks as the form's, on the offence's first row (the message names the bound)
    return offenceProblems(offence).map((p) => ({
      row: first,
      column: COLUMN_OF[p.path.split('.').at(-1)!] ?? '处罚种类',
      key: p.key,
      ...(p.params ? { params: p.params } : {}),
    }));
  });
  if (issues.length) throw new AppError('IMPORT_INVALID', {}, issues);
  return ctx.db.transaction(async (tx) => {
    await assertVersions(
      tx,
      grouped.map((g) => g.offence),
      (i) => grouped[i]!.first,
    );
    return save(
      tx,
      ctx,
      grouped.map((g) => g.offence),
    );
  });
}
