import {
  addDays,
  BUILT_IN_REGISTER,
  CASE_STATUSES,
  type CaseStatus,
  checkPenalties,
  chinaToday,
  DEFAULT_GATES,
  type DecisionKind,
  GATES,
  type Gate,
  idNumberBirthDate,
  nextGate,
  ProposedDecision,
  PublicityContent,
} from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { clockDue } from '../../modules/platform/clocks.ts';
import { read, type TestApp, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
/** The history's own today: the real one, whatever the month (a missing notice is provisional). */
const today = chinaToday();
const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => rows<T>(t.database.db, s);
const one = async (s: ReturnType<typeof sql>) => Number((await q<{ n: unknown }>(s))[0]?.n ?? 0);

beforeAll(async () => {
  const started = performance.now();
  t = await testApp({ history: true });
  // Migrations, reference data and the whole demo branch with its years of history.
  console.info(
    `testApp({ history: true }) with the demo enforcement history: ${Math.round(performance.now() - started)} ms`,
  );
}, 180_000);
afterAll(() => t.close());

describe('demo enforcement history', () => {
  it('holds a realistic year of incidents, about 15% becoming cases', async () => {
    const from = addDays(today, -365);
    const year = await one(
      sql`select count(*) n from incidents where received_at >= ${`${from}T00:00:00+08:00`}::timestamptz`,
    );
    const prior = await one(sql`select count(*) n from incidents
      where received_at >= ${`${addDays(from, -365)}T00:00:00+08:00`}::timestamptz and received_at < ${`${from}T00:00:00+08:00`}::timestamptz`);
    const cases = await one(
      sql`select count(*) n from cases where received_at >= ${`${from}T00:00:00+08:00`}::timestamptz`,
    );
    console.info(
      `last 12 months: ${year} incidents, ${cases} cases; the 12 months before: ${prior} incidents`,
    );
    expect(year).toBeGreaterThanOrEqual(6000);
    expect(year).toBeLessThanOrEqual(10_000);
    expect(prior).toBeGreaterThan(year * 0.7);
    expect(cases / year).toBeGreaterThan(0.1);
    expect(cases / year).toBeLessThan(0.2);
    // Campaign tags: 反诈 on telecom fraud, 涉疫 only in the epidemic years.
    expect(
      await one(
        sql`select count(*) n from incidents where category_code = 'XS-DXZP' and not ('反诈' = any(tags))`,
      ),
    ).toBe(0);
    expect(
      await one(
        sql`select count(*) n from incidents where '涉疫' = any(tags) and received_at >= '2023-01-01T00:00:00+08:00'`,
      ),
    ).toBe(0);
    expect(await one(sql`select count(*) n from incidents where '涉疫' = any(tags)`)).toBeGreaterThan(50);
    expect(await one(sql`select count(*) n from incidents where '涉企' = any(tags)`)).toBeGreaterThan(50);
    expect(await one(sql`select count(*) n from incidents where received_at > now()`)).toBe(0);
    expect(
      await one(
        sql`select count(*) n from incidents where received_at >= ${`${today}T00:00:00+08:00`}::timestamptz - interval '2 days'`,
      ),
    ).toBeGreaterThan(0);
  });

  it('has cases in every state a user can meet', async () => {
    const byStatus = new Map(
      (
        await q<{ status: string; n: unknown }>(sql`select status, count(*) n from cases group by status`)
      ).map((r) => [r.status, Number(r.n)]),
    );
    console.info(`cases by status: ${JSON.stringify(Object.fromEntries(byStatus))}`);
    for (const s of CASE_STATUSES) expect(byStatus.get(s) ?? 0, s).toBeGreaterThan(0);
    const gates = new Map(
      (
        await q<{ gate: string; n: unknown }>(
          sql`select current_gate gate, count(*) n from cases where status = 'in_review' group by 1`,
        )
      ).map((r) => [r.gate, Number(r.n)]),
    );
    for (const g of ['unit_legal', 'unit_head', 'legal', 'branch_head'])
      expect(gates.get(g) ?? 0, g).toBeGreaterThan(0);
    expect(gates.get('officer')).toBeUndefined();
  });

  it('gives each demo account work at its own gate and on its own clocks', async () => {
    const ps01 = await one(sql`select id n from units where code = 'PS-01'`);
    const officer = await one(sql`select id n from officers where username = 'officer'`);
    for (const gate of ['unit_legal', 'unit_head'])
      expect(
        await one(
          sql`select count(*) n from cases where unit_id = ${ps01} and status = 'in_review' and current_gate = ${gate}`,
        ),
        gate,
      ).toBeGreaterThanOrEqual(2);
    // Sent back to the officer: investigating again, the last act of the case a send-back.
    const sentBack =
      await one(sql`select count(*) n from cases c where c.lead_officer_id = ${officer} and c.status = 'investigating'
      and (select outcome from reviews r where r.case_id = c.id order by acted_at desc, id desc limit 1) in ('send_back', 'disagree')`);
    expect(sentBack).toBeGreaterThanOrEqual(2);
    const open = sql`status in ('acceptance_review', 'filing_review', 'investigating', 'in_review', 'approved')`;
    // Due within the next days: over a long holiday (1 January) due dates roll to the first working
    // day after it, so the window is four calendar days.
    expect(
      await one(
        sql`select count(*) n from cases where lead_officer_id = ${officer} and ${open} and clock_due between ${today} and ${addDays(today, 4)}`,
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await one(
        sql`select count(*) n from cases where lead_officer_id = ${officer} and ${open} and clock_due < ${today}`,
      ),
    ).toBeGreaterThanOrEqual(1);
    // The officer's own cases also wait at every gate above.
    expect(
      await one(
        sql`select count(distinct current_gate) n from cases where lead_officer_id = ${officer} and status = 'in_review'`,
      ),
    ).toBeGreaterThanOrEqual(3);
  });

  it('keeps every case consistent with its review chain and the workflow table', async () => {
    const cs = await q<{
      id: number;
      status: CaseStatus;
      current_gate: Gate | null;
      proposed_decision: DecisionKind | null;
      review_round: number;
      case_type: string;
    }>(sql`select id, status, current_gate, proposed_decision, review_round, case_type from cases`);
    const rv = await q<{ case_id: number; round: number; gate: Gate; outcome: string; checklist: unknown }>(
      sql`select case_id, round, gate, outcome, checklist from reviews order by case_id, round, acted_at, id`,
    );
    const byCase = new Map<number, typeof rv>();
    for (const r of rv) byCase.set(Number(r.case_id), [...(byCase.get(Number(r.case_id)) ?? []), r]);
    let checked = 0;
    for (const c of cs) {
      const acts = byCase.get(Number(c.id)) ?? [];
      const rounds = new Set(acts.map((a) => a.round));
      expect(rounds.size, `case ${c.id}`).toBe(c.review_round);
      if (c.status === 'in_review') {
        expect(c.proposed_decision).not.toBeNull();
        const chain = DEFAULT_GATES[c.proposed_decision!];
        expect(chain, `case ${c.id}`).toContain(c.current_gate);
        expect(c.current_gate).not.toBe('officer');
      } else expect(c.current_gate, `case ${c.id}`).toBeNull();
      for (const round of rounds) {
        const list = acts.filter((a) => a.round === round);
        const submit = list[0]!;
        expect(submit.gate).toBe('officer');
        expect(submit.outcome).toBe('submit');
        const proposal = ProposedDecision.parse((submit.checklist as { proposal: unknown }).proposal);
        expect(proposal.kind).toBe(c.proposed_decision);
        if (c.case_type === 'admin') expect(proposal.partyId).not.toBeNull();
        // Each following act is the next gate of the proposal's chain; only the last may return it.
        let gate: Gate | null = 'officer';
        for (const [i, a] of list.slice(1).entries()) {
          gate = nextGate(DEFAULT_GATES[proposal.kind], gate!);
          expect(a.gate, `case ${c.id} round ${round}`).toBe(gate);
          if (a.outcome !== 'approve') expect(i).toBe(list.length - 2);
        }
        const last = list.at(-1)!;
        const finalRound = round === c.review_round;
        if (!finalRound) expect(['send_back', 'disagree']).toContain(last.outcome);
        else if (c.status === 'in_review')
          expect(nextGate(DEFAULT_GATES[proposal.kind], last.gate)).toBe(c.current_gate);
        else if (c.status === 'investigating') expect(['send_back', 'disagree']).toContain(last.outcome);
        else if (['approved', 'decided', 'with_procuratorate', 'closed'].includes(c.status)) {
          expect(last.outcome).toBe('approve');
          expect(nextGate(DEFAULT_GATES[proposal.kind], last.gate)).toBeNull();
        }
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(GATES[0]).toBe('officer');
  });

  it('numbers decisions per branch and year, and later numbers continue the sequence', async () => {
    const bad =
      await one(sql`select count(*) n from decisions where kind in ('warning','fine','detention','confiscation')
      and doc_no !~ '^渝州公（治）行罚决字〔[0-9]{4}〕第[0-9]{5}号$'`);
    expect(bad).toBe(0);
    expect(
      await one(
        sql`select count(*) n from decisions where kind = 'fine' and (fine_amount is null or fine_amount <= 0)`,
      ),
    ).toBe(0);
    expect(
      await one(
        sql`select count(*) n from decisions where kind = 'detention' and (detention_days is null or detention_days < 1)`,
      ),
    ).toBe(0);
    for (const kind of [
      'warning',
      'fine',
      'detention',
      'not_filed',
      'arrest_request',
      'prosecution_transfer',
    ])
      expect(await one(sql`select count(*) n from decisions where kind = ${kind}`), kind).toBeGreaterThan(0);
    const year = Number(today.slice(0, 4));
    const max = await one(sql`select max(substring(doc_no from '第([0-9]+)号')::int) n from decisions
      where doc_no like ${`%行罚决字〔${year}〕%`}`);
    // nextNumber takes number_sequences.next: the first number a user takes continues the sequence.
    const [seqRow] = await q<{ next: number }>(
      sql`select next from number_sequences where kind = 'doc_admin_penalty' and year = ${year}`,
    );
    // No number taken yet this year (1 January, early): the first one will be 1.
    expect(Number(seqRow?.next ?? 1)).toBe(max + 1);
    const lastIncident = await one(
      sql`select max(substring(incident_no from 6)::int) n from incidents where incident_no like ${`J${year}%`}`,
    );
    const [incSeq] = await q<{ next: number }>(
      sql`select next from number_sequences where kind = 'incident' and year = ${year}`,
    );
    expect(Number(incSeq?.next ?? 1)).toBe(lastIncident + 1);
  });

  it('computes every clock on the working-day calendar, as clockDue does', async () => {
    const sample = await q<{
      rule: string;
      start: string;
      due: string;
      provisional: boolean;
      ext: number;
      received: Date;
    }>(sql`
      select clock_rule rule, clock_start start, clock_due due, clock_provisional provisional,
             period_extended_days ext, received_at received
      from cases where clock_rule is not null order by id`);
    expect(sample.length).toBeGreaterThan(10);
    for (const c of sample) {
      const start = c.rule === 'admin_case_period' ? addDays(c.start, c.ext) : c.start;
      expect({ due: c.due, provisional: c.provisional }, `${c.rule} ${c.start}`).toEqual(
        await clockDue(t.database.db, c.rule, start, new Date(c.received)),
      );
    }
    const pubs = await q<{ rule: string; decided: Date; due: string; provisional: boolean }>(sql`
      select p.clock_rule rule, d.decided_at decided, p.due_on due, p.due_provisional provisional
      from publications p join decisions d on d.id = p.decision_id
      order by p.id desc limit 60`);
    for (const p of pubs)
      expect({ due: p.due, provisional: p.provisional }).toEqual(
        await clockDue(t.database.db, p.rule, chinaToday(new Date(p.decided))),
      );
    const procs = await q<{ rule: string; started: string; due: string; provisional: boolean }>(sql`
      select clock_rule rule, started_on started, due_on due, due_provisional provisional
      from proceedings where clock_rule is not null order by id desc limit 60`);
    for (const p of procs)
      expect({ due: p.due, provisional: p.provisional }).toEqual(
        await clockDue(t.database.db, p.rule, p.started),
      );
  });

  it('publishes masked decisions, and has publicity pending, late and to withdraw', async () => {
    const pubs = await q<{
      status: string;
      content: unknown;
      search_text: string | null;
      due_on: string;
      published_at: Date | null;
      withdraw_due_on: string | null;
    }>(sql`select status, content, search_text, due_on, published_at, withdraw_due_on from publications`);
    const published = pubs.filter((p) => p.status === 'published');
    expect(published.length).toBeGreaterThan(300);
    expect(pubs.some((p) => p.status === 'pending' && p.due_on >= today)).toBe(true);
    // Minors and privacy categories are closed as 不予公开, never published.
    expect(pubs.some((p) => p.status === 'withdrawn' && p.published_at === null)).toBe(true);
    // From 2026-01-01 治安 records are sealed (2025 law 第一百三十六条): published without the party.
    expect(
      published.some((p) => {
        const c = PublicityContent.parse(p.content);
        return c.object === null && c.objectWithheld === 'records_sealed';
      }),
    ).toBe(true);
    expect(pubs.some((p) => p.status === 'pending' && p.due_on < today)).toBe(true);
    expect(pubs.some((p) => p.status === 'withdrawn')).toBe(true);
    expect(pubs.some((p) => p.status === 'published' && p.withdraw_due_on !== null)).toBe(true);
    expect(published.some((p) => chinaToday(new Date(p.published_at!)) > p.due_on)).toBe(true);
    const fullId = /[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dX]/;
    for (const p of published) {
      const content = PublicityContent.parse(p.content);
      const text = JSON.stringify(content) + (p.search_text ?? '');
      expect(text).not.toMatch(fullId);
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      if (content.objectWithheld) continue;
      expect(content.object).not.toBeNull();
      if (content.object!.kind === 'person') {
        expect(content.object!.name).toMatch(/^\p{Script=Han}\*+$/u);
        expect(content.object!.idNumber).toBeNull();
        expect(content.object!.address).toMatch(/\*\*\*$/);
      }
    }
    const res = await t.client().get('/api/public/publicity?pageSize=50');
    expect(res.status).toBe(200);
    const body = await read(res);
    expect(body.total).toBe(published.length);
    expect(JSON.stringify(body)).not.toMatch(fullId);
  });

  it('proposes and decides only what the law in force allows, citing the version the act date chose', async () => {
    // Every proposal still under review passes the penalty check a reviewer's 同意 runs.
    const open = await q<{ proposal: unknown; received: string; id_number: string | null; name: string }>(sql`
      select r.checklist->'proposal' proposal, to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') received,
             p.id_number, i.name
        from reviews r join cases c on c.id = r.case_id and r.round = c.review_round
        join penalty_items i on i.org_id = c.org_id and i.code = (r.checklist->'proposal'->'penaltyItemCodes'->>0)
        left join case_parties p on p.id = (r.checklist->'proposal'->>'partyId')::bigint
       where r.outcome = 'submit' and c.status = 'in_review' and c.case_type = 'admin'`);
    expect(open.length).toBeGreaterThan(5);
    for (const row of open) {
      const p = ProposedDecision.parse(row.proposal);
      if (p.kind === 'no_penalty') continue;
      const penalties = [
        ...(p.kind === 'warning' ? [{ type: 'warning' as const }] : []),
        ...(p.detentionDays ? [{ type: 'detention' as const, days: p.detentionDays }] : []),
        ...(p.fineAmount ? [{ type: 'fine' as const, amount: p.fineAmount }] : []),
      ];
      const birthDate = row.id_number ? idNumberBirthDate(row.id_number) : null;
      const r = checkPenalties(BUILT_IN_REGISTER, {
        actDate: p.actDate ?? row.received,
        decisionDate: today,
        offences: [{ name: row.name, tier: p.tier, penalties }],
        party: { kind: 'person', ...(birthDate ? { birthDate } : {}) },
      });
      expect(r.violations, JSON.stringify(p)).toEqual([]);
    }
    // Decisions on acts of 2026 cite the revised law; no decided penalty lacks its basis.
    const cited = await q<{ year: string; version: string; n: unknown }>(sql`
      select extract(year from act_date)::text as year, law_basis->0->>'version' as version, count(*) n
        from decisions where kind in ('warning', 'fine', 'detention') group by 1, 2`);
    expect(cited.filter((c) => c.version === null)).toEqual([]);
    for (const c of cited)
      expect(c.version).toBe(
        Number(c.year) >= 2026 ? '治安管理处罚法@2026-01-01' : '治安管理处罚法@2013-01-01',
      );
    expect(cited.some((c) => c.year === '2026')).toBe(true);
  });

  it("writes no date into any text before the branch's first record or after today", async () => {
    // The history's first record is its earliest incident; nothing the demo narrates happened
    // before it, and nothing it narrates as done happens after today.
    const [first] = await q<{ d: string }>(
      sql`select to_char(min(received_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') d from incidents`,
    );
    const from = first!.d;
    const until = chinaToday();
    expect(from).toMatch(/^20\d\d-/);
    // Every text column of every table: facts and reasoning of decisions, the proposals inside
    // reviews, incident narratives, findings, documents, submissions … whatever the demo adds
    // later is covered too. Dates are the written ones (2021年3月5日), as prose carries them.
    // Left out: the annual report text, which quotes the laws' own dates (2017年6月27日 …
    // 通过) — its dated narrative is the report editor's check, not a seed's.
    const columns = await q<{ t: string; c: string }>(sql`
      select table_name t, column_name c from information_schema.columns
      where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')
        and table_name not in ('annual_reports', 'annual_report_versions', '__drizzle_migrations')
      order by 1, 2`);
    expect(columns.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    let seen = 0;
    for (const { t: table, c: column } of columns) {
      const found = await q<{ on: string; context: string }>(sql`
        select m[2] || '-' || lpad(m[3], 2, '0') || '-' || lpad(m[4], 2, '0') "on", m[1] context
        from ${sql.identifier(table)},
          regexp_matches(${sql.identifier(column)}::text, '(.{0,20}([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日.{0,10})', 'g') m`);
      seen += found.length;
      for (const f of found)
        if (f.on < from || f.on > until) wrong.push(`${table}.${column}: ${f.on} in "${f.context}"`);
    }
    // Thousands of written dates were read: the pattern matches what the demo writes.
    expect(seen).toBeGreaterThan(1000);
    expect(wrong.slice(0, 10), `${wrong.length} dates outside ${from}…${until}`).toEqual([]);
    // The facts of a proposal or a decision start from the day of the incident they arise from.
    const facts = await q<{ id: number; facts: string; received: string }>(sql`
      select d.id, d.facts, to_char(c.received_at at time zone 'Asia/Shanghai', 'FMYYYY"年"FMMM"月"FMDD"日"') received
      from decisions d join cases c on c.id = d.case_id where d.facts like '经%查%，%年%月%日，%'`);
    expect(facts.length).toBeGreaterThan(1000);
    for (const d of facts) expect(d.facts, `decision ${d.id}`).toContain(`，${d.received}，`);
  });

  it('records the side proceedings: notices, 复议/复核, the procuratorate and its replies', async () => {
    const kinds = new Map(
      (
        await q<{ k: string; n: unknown }>(
          sql`select kind || ':' || status k, count(*) n from proceedings group by 1`,
        )
      ).map((r) => [r.k, Number(r.n)]),
    );
    for (const k of [
      'not_filed_notice:done',
      'not_filed_notice:open',
      'reconsideration_window:done',
      'reconsideration:done',
      'procuratorate_feedback:done',
      'procuratorate_feedback:open',
      'period_extension:done',
    ])
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
    expect(
      await one(sql`select count(*) n from proceedings p where kind = 'not_filed_notice'
      and not exists (select 1 from decisions d where d.id = (p.detail->>'decisionId')::bigint and d.kind = 'not_filed')`),
    ).toBe(0);
    expect(await one(sql`select count(*) n from discussions`)).toBeGreaterThan(0);
    expect(
      await one(
        // The demo plants a few (see demo-supervision/findings.ts); each must be a finding.
        sql`select count(*) n from cases where major and review_round > 0 and not exists (select 1 from discussions d where d.case_id = cases.id)
            and not exists (select 1 from supervision_findings f where f.case_id = cases.id and f.rule_code = 'major_without_discussion')`,
      ),
    ).toBe(0);
    expect(await one(sql`select count(*) n from offline_reports`)).toBeGreaterThan(0);
    expect(
      await one(
        sql`select count(*) n from case_parties where id_number is not null and id_number !~ '^[1-9][0-9]{16}[0-9X]$'`,
      ),
    ).toBe(0);
  });
});
