/**
 * Writes the simulated history: official numbers taken from the branch's sequences (so the
 * numbers users take next continue them), then every table in multi-row chunks.
 */
import {
  addDays,
  BUILT_IN_REGISTER,
  buildPublicityContent,
  checkPenalties,
  type DecisionKind,
  exclusionReason,
  idNumberBirthDate,
  type PublicityOffence,
  publicityExclusions,
  publicityRule,
  publicitySearchText,
  sealedRecords,
} from '@fazhi/common';
import { and, eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Queryable, rows as queryRows } from '../../db/index.ts';
import {
  caseOffences,
  caseParties,
  cases,
  decisions,
  discussions,
  incidents,
  numberSequences,
  offlineReports,
  proceedings,
  publications,
  reviews,
} from '../../db/schema/index.ts';
import { DOC_WORDS } from '../../modules/cases/numbers.ts';
import type { ClockBook } from '../../modules/platform/clocks.ts';
import { nextNumber } from '../../modules/platform/numbers.ts';
import type { SeedProgress } from '../progress.ts';
import { cstDate, DAY, HOUR, type SimResult } from './cases.ts';
import type { Refs, World } from './index.ts';
import {
  creditCode,
  DISPOSAL_NOTES,
  homeAddress,
  idNumber,
  mobile,
  OFFLINE_TITLES,
  pick,
  type Rng,
  weighted,
} from './text.ts';

const CHUNK = 1000;
async function chunked<T>(rows: T[], write: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * Inserts rows of a table in chunks of a thousand, each chunk as one JSON parameter expanded
 * by `json_to_recordset`: a fraction of the cost of binding twenty thousand parameters, which
 * matters on PGlite, where the whole demo is seeded on first start. Answers the `returning`
 * columns of every row, in insert order.
 */
async function insertRows<T extends PgTable, K extends keyof T['$inferInsert'] & string>(
  db: Queryable,
  table: T,
  rows: T['$inferInsert'][],
  progress: SeedProgress,
  returning: K[] = [],
): Promise<Record<K, unknown>[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
    ([key]) => key in first,
  );
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const types = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  const back = returning.length
    ? sql.raw(
        ` returning ${returning.map((k) => `"${(getTableColumns(table) as Record<string, PgColumn>)[k]!.name}" as "${k}"`).join(', ')}`,
      )
    : sql.raw('');
  const out: Record<K, unknown>[] = [];
  let done = 0;
  await chunked(rows, async (chunk) => {
    const json = JSON.stringify(
      chunk.map((r) =>
        Object.fromEntries(columns.map(([key, c]) => [c.name, (r as Record<string, unknown>)[key] ?? null])),
      ),
    );
    out.push(
      ...(await queryRows<Record<K, unknown>>(
        db,
        sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${json}::json) as x(${types})${back}`,
      )),
    );
    done += chunk.length;
    progress(getTableName(table), done, rows.length);
  });
  return out;
}

/**
 * Takes `n` consecutive numbers of a sequence: the first through `nextNumber` (creating the
 * sequence row), the rest by moving the sequence on in one statement.
 */
async function reserve(db: Queryable, orgId: number, kind: string, year: number, n: number): Promise<number> {
  const first = await nextNumber(db, orgId, kind, year);
  if (n > 1)
    await db
      .update(numberSequences)
      .set({ next: sql`${numberSequences.next} + ${n - 1}` })
      .where(
        and(eq(numberSequences.orgId, orgId), eq(numberSequences.kind, kind), eq(numberSequences.year, year)),
      );
  return first;
}

/** Numbers items in time order per (kind, year) and returns each item's number. */
async function numberAll<T>(
  db: Queryable,
  orgId: number,
  items: T[],
  kindOf: (x: T) => string,
  dateOf: (x: T) => number,
) {
  const groups = new Map<string, T[]>();
  for (const x of [...items].sort((a, b) => dateOf(a) - dateOf(b))) {
    const key = `${kindOf(x)}|${cstDate(dateOf(x)).slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const out = new Map<T, { year: number; n: number }>();
  for (const [key, xs] of groups) {
    const [kind, year] = key.split('|') as [string, string];
    const first = await reserve(db, orgId, kind, Number(year), xs.length);
    for (const [i, x] of xs.entries()) out.set(x, { year: Number(year), n: first + i });
  }
  return out;
}

interface Sim {
  lead: number;
  sim: SimResult;
}

/** Writes everything; answers the row counts. */
export async function writeWorld(
  db: Queryable,
  orgId: number,
  refs: Refs,
  book: ClockBook,
  world: World,
  sims: Sim[],
  r: Rng,
  progress: SeedProgress,
) {
  const now = world.now;
  const unitId = (code: string) => refs.units.get(code)!.id;
  const caseByIncident = new Map(world.cases.map((c, i) => [c.incidentKey, i]));

  // ---- incidents ----
  const incNo = await numberAll(
    db,
    orgId,
    world.incidents,
    () => 'incident',
    (x) => x.receivedAt,
  );
  const caseNo = await numberAll(
    db,
    orgId,
    world.cases,
    (c) => (c.caseType === 'admin' ? 'case_admin' : 'case_criminal'),
    (c) => c.plan.receivedAt,
  );
  const caseNoOf = (i: number) => {
    const c = world.cases[i]!;
    const k = caseNo.get(c)!;
    return `${c.caseType === 'admin' ? 'A' : 'X'}${k.year}${String(k.n).padStart(5, '0')}`;
  };
  const incidentRows = world.incidents.map((x) => {
    const k = incNo.get(x)!;
    const ci = caseByIncident.get(x.key);
    const staff = refs.staff(x.unitCode);
    const officersOut = [...new Set([pick(r, staff.leads), ...(r() < 0.6 ? [pick(r, staff.leads)] : [])])];
    const sim = ci === undefined ? null : sims[ci]!;
    if (sim && world.cases[ci!]!.unitCode === x.unitCode) officersOut.unshift(sim.lead);
    const required = !['JT-YD', 'QZ-ZR', 'QZ-KS', 'QT'].includes(x.categoryCode);
    const camera = required ? r() < 0.96 : r() < 0.5 ? null : r() < 0.6;
    const pending = now - x.receivedAt < 90 * 60_000 && !sim;
    const disposal = sim
      ? sim.sim.disposal
      : pending
        ? null
        : {
            disposal: x.categoryCode.startsWith('JF-')
              ? weighted(r, [
                  ['handled_on_scene', 50],
                  ['mediated', 35],
                  ['transferred', 10],
                  ['no_action', 5],
                ] as const)
              : x.categoryCode.startsWith('QZ-')
                ? 'handled_on_scene'
                : weighted(r, [
                    ['handled_on_scene', 65],
                    ['no_action', 20],
                    ['transferred', 8],
                    ['mediated', 7],
                  ] as const),
            note: '',
            at: x.receivedAt + (20 + r() * 130) * 60_000,
          };
    const note = disposal
      ? disposal.note ||
        (disposal.disposal === 'case_opened'
          ? caseNoOf(ci!)
          : pick(r, DISPOSAL_NOTES[disposal.disposal] ?? ['']))
      : null;
    const d = cstDate(x.receivedAt).replaceAll('-', '');
    return {
      orgId,
      incidentNo: `J${k.year}${String(k.n).padStart(6, '0')}`,
      source: x.source,
      sourceId: x.source === '110' ? `110${d}${String(x.key).padStart(6, '0')}` : null,
      receivedAt: new Date(x.receivedAt),
      callerName: x.callerName,
      callerPhone: x.callerPhone,
      categoryCode: x.categoryCode,
      place: x.place.full,
      narrative: x.narrative,
      unitId: unitId(x.unitCode),
      officerIds: [...new Set(officersOut)],
      disposal: disposal?.disposal ?? 'pending',
      disposalNote: note,
      disposedAt: disposal ? new Date(Math.min(disposal.at, now)) : null,
      cameraRecorded: camera,
      cameraEvidenceRef: camera ? `JLY-${x.unitCode}-${d}-${String(x.key % 10_000).padStart(4, '0')}` : null,
      tags: x.tags,
      version: sim && sim.sim.disposal.disposal !== 'case_opened' ? 3 : sim ? 2 : 1,
      createdAt: new Date(x.receivedAt + 5 * 60_000),
      updatedAt: new Date(Math.min(now, disposal?.at ?? x.receivedAt)),
    };
  });
  const incidentIds = new Map<string, number>();
  for (const i of await insertRows(db, incidents, incidentRows, progress, ['id', 'incidentNo']))
    incidentIds.set(i.incidentNo as string, Number(i.id));
  const incidentIdOf = (key: number) => {
    const k = incNo.get(world.incidents[key]!)!;
    return incidentIds.get(`J${k.year}${String(k.n).padStart(6, '0')}`)!;
  };

  // ---- cases ----
  const caseRows = world.cases.map((c, i) => {
    const { sim, lead } = sims[i]!;
    const clock = sim.clock;
    const due = clock
      ? book.due(
          clock.rule,
          clock.rule === 'admin_case_period' ? addDays(clock.start, sim.periodExtendedDays) : clock.start,
          clock.rule === 'acceptance_review' ? clock.startAt : undefined,
        )
      : null;
    const co = refs.staff(c.unitCode).leads.filter((o) => o !== lead);
    return {
      orgId,
      caseNo: caseNoOf(i),
      caseType: c.caseType,
      incidentId: incidentIdOf(c.incidentKey),
      unitId: unitId(c.unitCode),
      leadOfficerId: lead,
      coOfficerIds: co.length ? [pick(r, co)] : [],
      title: c.title,
      summary: world.incidents[c.incidentKey]!.narrative,
      status: sim.status,
      proposedDecision: sim.proposedDecision,
      currentGate: sim.currentGate,
      reviewRound: sim.reviewRound,
      major: c.major,
      inCentre: c.inCentre,
      complex: c.complex,
      receivedAt: new Date(c.plan.receivedAt),
      clockRule: clock?.rule ?? null,
      clockStart: clock?.start ?? null,
      clockDue: due?.due ?? null,
      clockProvisional: due?.provisional ?? false,
      acceptedAt: sim.acceptedAt === null ? null : new Date(sim.acceptedAt),
      periodExtendedDays: sim.periodExtendedDays,
      closedAt: sim.closedAt === null ? null : new Date(sim.closedAt),
      tags: c.tags,
      version: sim.version,
      createdAt: new Date(c.plan.receivedAt + 20 * 60_000),
      updatedAt: new Date(sim.updatedAt),
    };
  });
  const caseIdByNo = new Map(
    (await insertRows(db, cases, caseRows, progress, ['id', 'caseNo'])).map((x) => [
      x.caseNo as string,
      Number(x.id),
    ]),
  );
  const caseIds = caseRows.map((row) => caseIdByNo.get(row.caseNo)!);

  // ---- parties and offences ----
  /** 法定代表人 of the organisations among the parties. */
  const REPRESENTATIVES = ['王建国', '李明华', '张志强', '刘伟', '陈静', '杨帆', '赵磊', '黄敏'];
  const partyIds = new Map<string, number>();
  const partyRows = world.cases.flatMap((c, i) => {
    const street = refs.streets.get(c.unitCode) ?? refs.streets.get('PS-01')!;
    const incident = world.incidents[c.incidentKey]!;
    return c.parties.map((p, j) => ({
      orgId,
      caseId: caseIds[i]!,
      kind: p.kind,
      role: p.role,
      name: p.name,
      idNumber:
        p.kind === 'person'
          ? idNumber(r, p.role === 'suspect' || p.role === 'offender' ? 1965 : 1950, 2006)
          : null,
      creditCode: p.kind === 'organisation' ? creditCode(r) : null,
      // No draw from the generator: the rest of the history stays as it was.
      legalRepresentative:
        p.kind === 'organisation' ? REPRESENTATIVES[(i * 7 + j) % REPRESENTATIVES.length]! : null,
      phone:
        p.kind === 'organisation'
          ? null
          : j === 0 && incident.callerPhone
            ? incident.callerPhone
            : r() < 0.8
              ? mobile(r)
              : null,
      address: homeAddress(r, street),
    }));
  });
  const partyRecords = new Map(partyRows.map((x) => [`${x.caseId}|${x.role}|${x.name}`, x]));
  for (const x of await insertRows(db, caseParties, partyRows, progress, ['id', 'caseId', 'role', 'name']))
    partyIds.set(`${x.caseId}|${x.role}|${x.name}`, Number(x.id));
  const partyKey = (i: number, j: number | null) => {
    const p = j === null ? undefined : world.cases[i]!.parties[j];
    return p ? `${caseIds[i]}|${p.role}|${p.name}` : null;
  };
  const partyIdOf = (i: number, j: number | null) => {
    const k = partyKey(i, j);
    return k ? (partyIds.get(k) ?? null) : null;
  };
  /**
   * What a criminal decision states beside its kind: the suspect held under 刑事拘留 from the day
   * the case was filed (an arrest request) or released on 取保候审 (a transfer for prosecution), and
   * as the proposal and the decision record them.
   */
  const criminalParticulars = (i: number, kind: string) => {
    const filed = sims[i]!.sim.acceptedAt;
    const suspect = partyIdOf(i, world.cases[i]!.objectIndex);
    const measure =
      kind === 'arrest_request'
        ? { kind: 'criminal_detention', place: '现羁押于渝州区看守所' }
        : kind === 'prosecution_transfer'
          ? { kind: 'bail', place: null }
          : null;
    return {
      measures:
        measure && filed !== null
          ? [{ partyId: suspect, kind: measure.kind, on: cstDate(filed), place: measure.place }]
          : null,
    };
  };
  const complainantOf = (i: number) =>
    partyIdOf(
      i,
      world.cases[i]!.parties.findIndex((p) => p.role === 'complainant' || p.role === 'victim'),
    );
  await insertRows(
    db,
    caseOffences,
    world.cases.map((c, i) => ({
      orgId,
      caseId: caseIds[i]!,
      penaltyItemCode: c.plan.proposal.penaltyItemCodes[0]!,
    })),
    progress,
  );

  // ---- discussions and reviews ----
  const name = (id: number) => refs.officers.get(id)?.name ?? '';
  const discussionRows = sims.flatMap(({ sim, lead }, i) => {
    if (sim.discussionAt === null || sim.discussionAt > now) return [];
    const c = world.cases[i]!;
    const chair =
      c.caseType === 'criminal' ? pick(r, refs.branchHead) : pick(r, refs.staff(c.unitCode).unitHead);
    const members = [
      ...new Set([chair, pick(r, refs.legal), pick(r, refs.staff(c.unitCode).unitLegal), lead]),
    ];
    const dissent =
      r() < 0.15 ? `${name(members[1]!)}认为现有证据尚不足以认定全部事实，建议补充调查后再作决定。` : null;
    return [
      {
        orgId,
        caseId: caseIds[i]!,
        heldAt: new Date(sim.discussionAt),
        chairId: chair,
        opinions: members.map((m, k) => ({
          officerId: m,
          name: name(m),
          opinion:
            dissent && k === 1
              ? '证据链尚有欠缺，建议补充调查。'
              : pick(r, [
                  '同意承办单位意见。',
                  '事实清楚，证据确实充分，同意拟处理意见。',
                  '程序合法，适用法律正确，同意。',
                ]),
        })),
        conclusion: `经集体讨论，多数意见认为${c.title}事实清楚、证据确实充分，同意按拟处理意见提交审核。`,
        dissent,
        recordedBy: lead,
      },
    ];
  });
  await insertRows(db, discussions, discussionRows, progress);
  const reviewRows = sims.flatMap(({ sim }, i) =>
    sim.reviews.map((v) => {
      const c = world.cases[i]!;
      const p = c.plan.proposal;
      return {
        orgId,
        caseId: caseIds[i]!,
        round: v.round,
        gate: v.gate,
        reviewerId: v.reviewerId,
        outcome: v.outcome,
        checklist:
          v.checklist === 'proposal'
            ? {
                proposal: {
                  ...p,
                  partyId: partyIdOf(i, c.objectIndex),
                  ...criminalParticulars(i, p.kind),
                },
              }
            : v.checklist,
        reasons: v.reasons,
        actedAt: new Date(v.actedAt),
      };
    }),
  );
  await insertRows(db, reviews, reviewRows, progress);

  // ---- decisions, publications, proceedings ----
  const decided = sims.flatMap(({ sim }, i) => sim.decisions.map((d) => ({ d, i })));
  const docNo = await numberAll(
    db,
    orgId,
    decided,
    (x) => DOC_WORDS[x.d.kind].seq,
    (x) => x.d.at,
  );
  const prefix = [...refs.orgName].slice(0, 2).join('');
  const docNoOf = (x: (typeof decided)[number]) => {
    const k = docNo.get(x)!;
    return `${prefix}公${DOC_WORDS[x.d.kind].word}〔${k.year}〕第${String(k.n).padStart(5, '0')}号`;
  };
  // The law applied, as the penalty check answers at the decision (the register Fazhi ships).
  const lawOf = (i: number, kind: string, decidedOn: string) => {
    const c = world.cases[i]!;
    const p = c.plan.proposal;
    if (c.caseType !== 'admin' || !p.actDate || !['warning', 'fine', 'detention'].includes(kind))
      return { actDate: null, lawBasis: null, lawNotices: null };
    const party = partyRecords.get(partyKey(i, c.objectIndex) ?? '');
    const birthDate = party?.idNumber ? idNumberBirthDate(party.idNumber) : null;
    const penalties = [
      ...(kind === 'warning' ? [{ type: 'warning' as const }] : []),
      ...(p.detentionDays ? [{ type: 'detention' as const, days: p.detentionDays }] : []),
      ...(p.fineAmount ? [{ type: 'fine' as const, amount: p.fineAmount }] : []),
    ];
    const r = checkPenalties(BUILT_IN_REGISTER, {
      actDate: p.actDate,
      decisionDate: decidedOn,
      offences: [{ name: refs.items.get(p.penaltyItemCodes[0]!)!.name, tier: p.tier, penalties }],
      party: { kind: 'person', ...(birthDate ? { birthDate } : {}) },
    });
    return { actDate: p.actDate, lawBasis: r.applied, lawNotices: r.notices };
  };
  const decisionRows = decided.map((x) => {
    const c = world.cases[x.i]!;
    const p = c.plan.proposal;
    const notice = x.d.kind === 'not_filed';
    return {
      orgId,
      caseId: caseIds[x.i]!,
      kind: x.d.kind,
      docNo: docNoOf(x),
      fineAmount: notice || p.fineAmount === null ? null : p.fineAmount.toFixed(2),
      detentionDays: notice ? null : p.detentionDays,
      confiscation: notice ? null : p.confiscation,
      penaltyItemCodes: notice ? [] : p.penaltyItemCodes,
      partyId: notice ? complainantOf(x.i) : partyIdOf(x.i, c.objectIndex),
      facts: notice ? world.incidents[c.incidentKey]!.narrative : p.facts,
      reasoning: notice ? c.plan.openingReason : p.reasoning,
      ...lawOf(x.i, x.d.kind, cstDate(x.d.at)),
      ...criminalParticulars(x.i, x.d.kind),
      revokeGround: notice ? null : (p.revokeGround ?? null),
      decidedAt: new Date(x.d.at),
      decidedBy: x.d.by,
      status: x.d.status,
      statusChangedAt: x.d.statusChangedAt === null ? null : new Date(x.d.statusChangedAt),
    };
  });
  const decisionIds = new Map(
    (await insertRows(db, decisions, decisionRows, progress, ['id', 'docNo'])).map((x) => [
      x.docNo as string,
      Number(x.id),
    ]),
  );

  const offenceOf = (code: string): PublicityOffence => {
    const it = refs.items.get(code)!;
    return { code, name: it.name, law: it.law, article: it.article };
  };
  const publicationRows = decided.flatMap((x, k) => {
    const c = world.cases[x.i]!;
    const sim = sims[x.i]!.sim;
    const kind = x.d.kind as DecisionKind;
    const rule = x.d.kind === 'not_filed' ? null : publicityRule(kind);
    if (!rule || !sim.publication) return [];
    const p = c.plan.proposal;
    const decidedOn = cstDate(x.d.at);
    const party = partyRecords.get(partyKey(x.i, c.objectIndex) ?? '');
    // The rule the publicity module applies when it opens the task: an excluded decision's task
    // is closed at once as 不予公开, with its grounds, and nothing of it is ever published.
    const forExclusion = {
      actDate: decisionRows[k]!.actDate,
      receivedOn: cstDate(c.plan.receivedAt),
      decidedOn,
      party: party ?? null,
      offences: p.penaltyItemCodes.map(offenceOf),
      lawBasis: decisionRows[k]!.lawBasis,
    };
    const excluded = publicityExclusions(BUILT_IN_REGISTER, forExclusion);
    const pub = excluded.length
      ? { publishedAt: null, publishedBy: null, withdrawRequiredOn: null, withdrawnAt: x.d.at }
      : sim.publication;
    // Exactly what publishing stores: the masked snapshot built by the publicity module.
    const content = pub.publishedAt
      ? buildPublicityContent({
          authority: refs.orgName,
          unit: refs.units.get(c.unitCode)!.name,
          docNo: docNoOf(x),
          decidedOn,
          kind,
          fineAmount: p.fineAmount === null ? null : p.fineAmount.toFixed(2),
          detentionDays: p.detentionDays,
          confiscation: p.confiscation,
          offences: p.penaltyItemCodes.map(offenceOf),
          party: party ?? null,
          withheld: sealedRecords(BUILT_IN_REGISTER, forExclusion)?.code ?? null,
        })
      : null;
    const withdrawn = pub.withdrawnAt !== null;
    const publicityDue = book.due(rule, decidedOn);
    const withdrawDue = pub.withdrawRequiredOn
      ? book.due('publicity_withdraw', pub.withdrawRequiredOn)
      : null;
    return [
      {
        orgId,
        decisionId: decisionIds.get(docNoOf(x))!,
        caseId: caseIds[x.i]!,
        unitId: unitId(c.unitCode),
        status: withdrawn ? 'withdrawn' : pub.publishedAt ? 'published' : 'pending',
        clockRule: rule,
        dueOn: publicityDue.due,
        dueProvisional: publicityDue.provisional,
        publishedAt: pub.publishedAt === null ? null : new Date(pub.publishedAt),
        publishedBy: pub.publishedBy,
        content,
        searchText: content ? publicitySearchText(content) : null,
        withdrawStartedOn: pub.withdrawRequiredOn,
        withdrawDueOn: withdrawDue?.due ?? null,
        withdrawDueProvisional: withdrawDue?.provisional ?? false,
        withdrawnAt: withdrawn ? new Date(pub.withdrawnAt!) : null,
        withdrawReason: excluded.length
          ? exclusionReason(excluded)
          : x.d.status === 'revoked'
            ? '该决定经行政复议被撤销'
            : null,
      },
    ];
  });
  await insertRows(db, publications, publicationRows, progress);

  const proceedingRows = sims.flatMap(({ sim }, i) =>
    sim.proceedings.map((p) => {
      let detail = p.detail;
      if (p.kind === 'not_filed_notice') {
        const notice = decided.find((x) => x.i === i && x.d.kind === 'not_filed')!;
        const { notice: _marker, ...rest } = detail;
        detail = {
          decisionId: decisionIds.get(docNoOf(notice)),
          docNo: docNoOf(notice),
          complainantPartyId: complainantOf(i),
          ...rest,
        };
      }
      if (p.kind === 'decision_notice' || p.kind === 'penalty_notice') {
        const d = decided.find((x) => x.i === i && x.d.kind !== 'not_filed')!;
        const { decisionNotice: _d, penaltyNotice: _p, ...rest } = detail;
        const partyId = partyIdOf(i, world.cases[i]!.objectIndex);
        detail =
          p.kind === 'decision_notice'
            ? { decisionId: decisionIds.get(docNoOf(d)), docNo: docNoOf(d), partyId, ...rest }
            : { partyId, ...rest };
      }
      const due = p.clockRule ? book.due(p.clockRule, p.startedOn) : null;
      return {
        orgId,
        caseId: caseIds[i]!,
        kind: p.kind,
        status: p.status,
        startedOn: p.startedOn,
        clockRule: p.clockRule,
        dueOn: due?.due ?? null,
        dueProvisional: due?.provisional ?? false,
        closedOn: p.closedOn,
        detail,
        outcome: p.outcome,
        createdBy: p.createdBy,
        createdAt: new Date(p.createdAt),
      };
    }),
  );
  await insertRows(db, proceedings, proceedingRows, progress);

  // ---- offline handling reports: a few a quarter, the way the city bureau's table counts them ----
  const offline = world.cases
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => r() < 0.012 && c.plan.receivedAt < now - 3 * DAY)
    .map(({ c, i }) => {
      const reason = weighted(r, [
        ['system_failure', 30],
        ['network_outage', 25],
        ['urgent_on_scene', 30],
        ['classified', 10],
        ['other', 5],
      ] as const);
      const on = cstDate(c.plan.receivedAt + (1 + r() * 48) * HOUR);
      return {
        orgId,
        unitId: unitId(c.unitCode),
        caseId: caseIds[i]!,
        caseType: c.caseType,
        title: `${c.title}（${pick(r, OFFLINE_TITLES)}）`,
        reason: reason === 'other' ? 'other\n当事人为外籍人员，需同步制作纸质翻译文书' : reason,
        reportedBy: sims[i]!.lead,
        reportedOn: [on, cstDate(now)].sort()[0]!,
        approvedBy: pick(r, refs.staff(c.unitCode).unitHead),
      };
    });
  await insertRows(db, offlineReports, offline, progress);

  return {
    incidents: world.incidents.length,
    cases: world.cases.length,
    decisions: decided.length,
    publications: publicationRows.length,
  };
}
