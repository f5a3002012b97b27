/**
 * The demo rectification history, after the demo scan raised its findings: each finding's
 * answers, returns and verification (planned in rectification-plan.ts, written in bulk), the
 * 督办通知书 that pressed overdue findings, one 执法建议书 and two 执法质量通报 a year with their
 * real .docx, the 执法过错责任追究 records of confirmed violations, and the committee meetings.
 * Deterministic (one seeded PRNG); dates relative to today like the rest of the demo history.
 */
import { createHash } from 'node:crypto';
import { addDays, chinaToday, findingMessage, seededRandom } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/index.ts';
import {
  type PreparedDocument,
  prepareDocument,
  storeDocument,
} from '../../modules/supervision/documents.service.ts';
import { ruleInfos, ruleOf } from '../../modules/supervision/findings-common.ts';
import { buildOfficialDocx } from '../../platform-io/docx.ts';
import {
  type Actors,
  busiestDay,
  type Outcome,
  officeTime,
  overdueWindow,
  planFinding,
  type SeedFinding,
} from './rectification-plan.ts';
import { type ConfirmedFinding, seedAccountability, seedCommittee } from './rectification-records.ts';

const FIRST_YEAR = 2021;

interface Loaded extends SeedFinding {
  caseId: number | null;
  message: string;
  /** raised_at moved back to the day after the problem arose (see below). */
  moved: boolean;
}

async function loadFindings(tx: Queryable, orgId: number, now: Date): Promise<Loaded[]> {
  const rules = await ruleInfos(tx, orgId);
  const list = await rows<Record<string, unknown>>(
    tx,
    sql`select f.id, f.rule_code, f.unit_id, f.officer_id, f.raised_at, f.rectify_due_on::text as due,
               f.occurred_on::text as occurred, f.case_id, f.detail, i.incident_no, k.case_no
        from supervision_findings f
        left join incidents i on i.id = f.incident_id
        left join cases k on k.id = f.case_id
        where f.org_id = ${orgId} and f.status = 'open'
        order by f.id`,
  );
  return list.map((r) => {
    const rule = ruleOf(rules, String(r.rule_code));
    const occurredOn = String(r.occurred);
    // A history scanned today would have been found the day after each problem arose: a finding
    // raised later than that (a scan run with raisedAt 'now') is moved back, deadline with it.
    const dayAfter = addDays(occurredOn, 1);
    const found = new Date(`${dayAfter}T09:00:00+08:00`);
    let raisedAt = new Date(r.raised_at as string | Date);
    let rectifyDueOn = String(r.due);
    const moved = found < raisedAt && found < now;
    if (moved) {
      raisedAt = found;
      rectifyDueOn = addDays(dayAfter, rule.rectifyDays);
    }
    return {
      id: Number(r.id),
      ruleCode: String(r.rule_code),
      kind: rule.kind,
      unitId: Number(r.unit_id),
      officerId: r.officer_id == null ? null : Number(r.officer_id),
      raisedAt,
      rectifyDueOn,
      occurredOn,
      moved,
      caseId: r.case_id == null ? null : Number(r.case_id),
      message: findingMessage(
        {
          kind: rule.kind,
          ruleNameZh: rule.nameZh,
          ruleNameEn: rule.nameEn,
          detail: (r.detail ?? {}) as Record<string, unknown>,
          incidentNo: (r.incident_no as string | null) ?? null,
          caseNo: (r.case_no as string | null) ?? null,
        },
        'zh-CN',
      ),
    };
  });
}

async function loadPeople(tx: Queryable, orgId: number) {
  const people = await rows<{
    id: number;
    name: string;
    unit_id: number;
    legal_officer: boolean;
    role: string;
  }>(
    tx,
    sql`select o.id, o.name, o.unit_id, o.legal_officer, r.role_code as role
        from officers o join officer_roles r on r.officer_id = o.id
        where o.org_id = ${orgId} and o.active order by o.id`,
  );
  const legal = people.filter((p) => p.role === 'legal').map((p) => ({ id: p.id, name: p.name }));
  const unitLegal = new Map<number, number>();
  for (const p of people) if (p.legal_officer && !unitLegal.has(p.unit_id)) unitLegal.set(p.unit_id, p.id);
  return {
    legal,
    chairId: people.find((p) => p.role === 'branch_head')?.id ?? null,
    unitHeads: people.filter((p) => p.role === 'unit_head').map((p) => ({ id: p.id, unitId: p.unit_id })),
    unitLegal,
  };
}

/** Writes the planned outcomes: finding rows, events and evidence files, in three statements. */
async function applyOutcomes(tx: Queryable, orgId: number, findings: Loaded[], outcomes: Outcome[]) {
  const changed = outcomes.filter((o, i) => o.steps.length || findings[i]!.moved);
  if (!changed.length) return;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const raised = new Map(findings.map((f) => [f.id, f.raisedAt]));
  const updates = changed.map((o) => ({
    id: o.id,
    raised_at: iso(raised.get(o.id) ?? null),
    status: o.status,
    answered_at: iso(o.answeredAt),
    closed_at: iso(o.closedAt),
    closed_by: o.closedBy,
    closed_reason: o.closedReason,
    confirmed: o.confirmed,
    return_count: o.returnCount,
    due: o.rectifyDueOn,
    steps: o.steps.length,
  }));
  await tx.execute(sql`
    update supervision_findings f set raised_at = v.raised_at, status = v.status, answered_at = v.answered_at,
      closed_at = v.closed_at,
      closed_by = v.closed_by, closed_reason = v.closed_reason, confirmed_violation = v.confirmed,
      return_count = v.return_count, rectify_due_on = v.due, version = f.version + v.steps
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id bigint, raised_at timestamptz, status text,
      answered_at timestamptz, closed_at timestamptz, closed_by int, closed_reason text, confirmed boolean,
      return_count int, due date, steps int)
    where f.id = v.id and f.org_id = ${orgId}`);
  const moved = findings.filter((f) => f.moved).map((f) => ({ id: f.id, raised_at: iso(f.raisedAt) }));
  if (moved.length)
    await tx.execute(sql`
      update finding_events e set at = v.raised_at
      from jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) as v(id bigint, raised_at timestamptz)
      where e.finding_id = v.id and e.kind = 'raised' and e.at > v.raised_at`);
  const events = changed.flatMap((o) =>
    o.steps.map((s, i) => ({
      finding_id: o.id,
      kind: s.kind,
      note: s.note,
      actor_id: s.actorId,
      at: iso(s.at),
      file: s.file ? i : null,
    })),
  );
  for (let i = 0; i < events.length; i += 5000) {
    await tx.execute(sql`
      insert into finding_events (org_id, finding_id, kind, note, actor_id, at)
      select ${orgId}, v.finding_id, v.kind, v.note, v.actor_id, v.at
      from jsonb_to_recordset(${JSON.stringify(events.slice(i, i + 5000))}::jsonb)
        as v(finding_id bigint, kind text, note text, actor_id int, at timestamptz)`);
  }
  // Evidence of the recent answers: a short rectification report each, linked to its event.
  const files = events
    .filter((e) => e.file !== null)
    .map((e) => {
      const text = `整改报告\n问题编号：${e.finding_id}\n整改情况：${e.note ?? ''}\n`;
      const data = Buffer.from(text, 'utf8');
      return {
        finding_id: e.finding_id,
        at: e.at,
        uploaded_by: e.actor_id,
        b64: data.toString('base64'),
        size: data.length,
        sha: createHash('sha256').update(data).digest('hex'),
      };
    });
  if (!files.length) return;
  // In bulk, as the file store keeps them (files/store.ts): a blob each, one chunk (under 1 MB).
  await tx.execute(sql`
    with v as (
      select v.*, e.id as event_id, coalesce(v.uploaded_by, e.actor_id, 0) as uploader,
        nextval(pg_get_serial_sequence('file_blobs', 'id')) as blob_id
      from jsonb_to_recordset(${JSON.stringify(files)}::jsonb)
        as v(finding_id bigint, at timestamptz, uploaded_by int, b64 text, size int, sha text)
      join finding_events e on e.finding_id = v.finding_id and e.at = v.at and e.kind = 'answered'
    ), blobs as (
      insert into file_blobs (id, org_id, size, sha256, created_at)
      select blob_id, ${orgId}, size, sha, at from v
    ), chunks as (
      insert into file_chunks (blob_id, seq, data) select blob_id, 0, decode(b64, 'base64') from v
    )
    insert into finding_files (org_id, finding_id, event_id, file_name, content_type, size, sha256, blob_id,
      uploaded_by, uploaded_at)
    select ${orgId}, v.finding_id, v.event_id, '整改报告.txt', 'text/plain; charset=utf-8', v.size, v.sha,
      v.blob_id, v.uploader, v.at
    from v`);
}

export async function seedDemoRectification(tx: Queryable, orgId: number): Promise<void> {
  const now = new Date();
  const today = chinaToday(now);
  const rng = seededRandom(4042);
  const [findings, people] = await Promise.all([loadFindings(tx, orgId, now), loadPeople(tx, orgId)]);
  const legalIds = people.legal.map((p) => p.id);
  const issuer = legalIds[0];
  const actors: Actors = {
    answerer: (unitId, officerId) => people.unitLegal.get(unitId) ?? officerId,
    verifiers: legalIds.slice(0, 6),
  };
  const outcomes = findings.map((f) => planFinding(f, actors, now, rng));
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= Number(today.slice(0, 4)); y++) years.push(y);

  // Documents are prepared (numbered, texts written) in order, and their .docx built together
  // at the end: the builds overlap, which halves the time of building them one by one.
  const docs: PreparedDocument[] = [];
  // 督办通知书 first, while the findings are still open as the scan left them: one each half-year,
  // on the day most findings were overdue, to the unit with the most of them.
  if (issuer) {
    const windows = findings.map((f, i) => overdueWindow(f, outcomes[i]!, today));
    for (const y of years) {
      for (const [from, to] of [
        [`${y}-01-01`, `${y}-06-30`],
        [`${y}-07-01`, `${y}-12-31`],
      ] as const) {
        const last = to < today ? to : addDays(today, -1);
        const day = busiestDay(
          windows.filter((w) => w !== null),
          from,
          last,
        )?.[0];
        if (!day) continue;
        const byUnit = new Map<number, number[]>();
        findings.forEach((f, i) => {
          const w = windows[i];
          if (w && w[0] <= day && day <= w[1]) byUnit.set(f.unitId, [...(byUnit.get(f.unitId) ?? []), f.id]);
        });
        const [unitId, ids] = [...byUnit].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
        docs.push(
          await prepareDocument(
            tx,
            orgId,
            { officerId: issuer },
            { kind: 'supervise_notice', unitId, findingIds: ids.slice(0, 4), deadline: addDays(day, 7) },
            officeTime(day, rng),
          ),
        );
      }
    }
  }
  await applyOutcomes(tx, orgId, findings, outcomes);

  if (issuer) {
    for (const y of years) {
      // 执法建议书: to the unit with the most confirmed (then corrected) findings of the year so far.
      const sep = `${y}-09-15`;
      if (sep < today) {
        const pool = findings
          .map((f, i) => ({ f, o: outcomes[i]! }))
          .filter(
            ({ f, o }) =>
              f.occurredOn >= `${y}-01-01` && f.occurredOn <= `${y}-08-31` && o.status === 'corrected',
          );
        const score = new Map<number, number>();
        for (const { f, o } of pool)
          score.set(f.unitId, (score.get(f.unitId) ?? 0) + (o.confirmed ? 100 : 1));
        const unit = [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
        if (unit !== undefined) {
          const chosen = pool
            .filter(({ f }) => f.unitId === unit)
            .sort((a, b) => Number(b.o.confirmed) - Number(a.o.confirmed) || a.f.id - b.f.id)
            .slice(0, 5)
            .map(({ f }) => f.id);
          docs.push(
            await prepareDocument(
              tx,
              orgId,
              { officerId: issuer },
              { kind: 'suggestion', unitId: unit, findingIds: chosen, deadline: addDays(sep, 20) },
              officeTime(sep, rng),
            ),
          );
        }
      }
      // 执法质量通报: the first half-year in July, July to November in December.
      for (const [from, to, on] of [
        [`${y}-01-01`, `${y}-06-30`, `${y}-07-08`],
        [`${y}-07-01`, `${y}-11-30`, `${y}-12-10`],
      ] as const) {
        if (on >= today) continue;
        docs.push(
          await prepareDocument(
            tx,
            orgId,
            { officerId: issuer },
            { kind: 'quality_bulletin', periodFrom: from, periodTo: to },
            officeTime(on, rng),
          ),
        );
      }
    }
  }

  const contents = await Promise.all(docs.map((p) => buildOfficialDocx(p.doc)));
  for (const [i, p] of docs.entries()) await storeDocument(tx, p, contents[i]!);

  const confirmed: ConfirmedFinding[] = findings.flatMap((f, i) => {
    const o = outcomes[i]!;
    return o.confirmed
      ? [{ outcome: o, unitId: f.unitId, officerId: f.officerId, caseId: f.caseId, message: f.message }]
      : [];
  });
  await seedAccountability(tx, orgId, confirmed, legalIds.slice(0, 3), now, rng);

  const cases = await rows<{
    id: number;
    received_on: string;
    unit_id: number;
    title: string;
    weight: number;
  }>(
    tx,
    sql`select id, (received_at at time zone 'Asia/Shanghai')::date::text as received_on, unit_id, title,
               (case when major then 2 else 0 end + case when complex then 1 else 0 end) as weight
        from cases where org_id = ${orgId} order by id`,
  );
  const unitNames = new Map(
    (
      await rows<{ id: number; name: string }>(tx, sql`select id, name from units where org_id = ${orgId}`)
    ).map((u) => [Number(u.id), u.name]),
  );
  if (issuer)
    await seedCommittee(
      tx,
      orgId,
      {
        years,
        today,
        chairId: people.chairId,
        legal: people.legal,
        unitHeads: people.unitHeads,
        cases: cases.map((k) => ({
          id: Number(k.id),
          receivedOn: k.received_on,
          unitId: Number(k.unit_id),
          title: k.title,
          weight: Number(k.weight),
        })),
        unitNames,
        recordedBy: issuer,
      },
      rng,
    );
}
