/**
 * Records for the rule and scan tests, written straight into the tables with every date under
 * the test's control (the rules judge times, so nothing here defaults to the clock).
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../../db/index.ts';
import {
  cameraChecks,
  caseParties,
  cases,
  decisions,
  discussions,
  evidence,
  incidents,
  officers,
  proceedings,
  publications,
  reviews,
  supervisionFindings,
  units,
} from '../../../db/schema/index.ts';
import { storeBytes } from '../../../files/store.ts';
import type { TestApp } from '../../../test-support/test-app.ts';

/** A China-time instant: at('2025-06-10', '12:00'). */
export const at = (date: string, time = '12:00') => new Date(`${date}T${time}:00+08:00`);
export const hoursBefore = (t: Date, h: number) => new Date(t.getTime() - h * 3600_000);
export const daysBefore = (t: Date, days: number) => hoursBefore(t, days * 24);

let seq = 0;
const next = () => `${Date.now().toString(36)}${++seq}`;

export class Fixtures {
  constructor(
    readonly t: TestApp,
    readonly unitId: number,
    readonly officerId: number,
  ) {}

  static async of(t: TestApp, unitCode = 'PS-01', username = 'officer'): Promise<Fixtures> {
    const [u] = await t.database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, t.orgId), eq(units.code, unitCode)));
    const [o] = await t.database.db
      .select({ id: officers.id })
      .from(officers)
      .where(eq(officers.username, username));
    return new Fixtures(t, u!.id, o!.id);
  }

  get db(): Queryable {
    return this.t.database.db;
  }

  async incident(o: {
    receivedAt: Date;
    category?: string;
    disposal?: string;
    disposedAt?: Date | null;
    cameraRecorded?: boolean | null;
    updatedAt?: Date;
  }): Promise<number> {
    const disposal = o.disposal ?? 'handled_on_scene';
    const [row] = await this.db
      .insert(incidents)
      .values({
        orgId: this.t.orgId,
        incidentNo: `TJ${next()}`,
        source: '110',
        receivedAt: o.receivedAt,
        categoryCode: o.category ?? 'ZA-DO',
        place: '城关镇解放路1号',
        narrative: '报警称被人殴打',
        unitId: this.unitId,
        officerIds: [this.officerId],
        disposal,
        disposedAt:
          o.disposedAt === undefined
            ? disposal === 'pending'
              ? null
              : hoursBefore(o.receivedAt, -1)
            : o.disposedAt,
        cameraRecorded: o.cameraRecorded === undefined ? true : o.cameraRecorded,
        createdAt: o.receivedAt,
        updatedAt: o.updatedAt ?? o.receivedAt,
      })
      .returning({ id: incidents.id });
    return row!.id;
  }

  async case(o: {
    receivedAt: Date;
    caseType?: 'admin' | 'criminal';
    status?: string;
    incidentId?: number | null;
    clockRule?: string | null;
    clockStart?: string | null;
    clockDue?: string | null;
    major?: boolean;
    complex?: boolean;
    inCentre?: boolean;
    proposedDecision?: string | null;
    updatedAt?: Date;
    party?: 'suspect' | 'offender' | 'victim' | null;
  }): Promise<number> {
    const [row] = await this.db
      .insert(cases)
      .values({
        orgId: this.t.orgId,
        caseNo: `TC${next()}`,
        caseType: o.caseType ?? 'admin',
        incidentId: o.incidentId ?? null,
        unitId: this.unitId,
        leadOfficerId: this.officerId,
        title: '测试案件',
        status: o.status ?? 'investigating',
        proposedDecision: o.proposedDecision ?? null,
        major: o.major ?? false,
        complex: o.complex ?? false,
        inCentre: o.inCentre ?? false,
        receivedAt: o.receivedAt,
        clockRule: o.clockRule ?? (o.clockDue ? 'admin_case_period' : null),
        clockStart: o.clockStart ?? null,
        clockDue: o.clockDue ?? null,
        createdAt: o.receivedAt,
        updatedAt: o.updatedAt ?? o.receivedAt,
      })
      .returning({ id: cases.id });
    if (o.party)
      await this.db
        .insert(caseParties)
        .values({ orgId: this.t.orgId, caseId: row!.id, kind: 'person', role: o.party, name: '张三' });
    return row!.id;
  }

  async review(
    caseId: number,
    o: { round: number; gate: string; outcome: string; actedAt: Date; reviewerId?: number },
  ) {
    const [row] = await this.db
      .insert(reviews)
      .values({
        orgId: this.t.orgId,
        caseId,
        round: o.round,
        gate: o.gate,
        reviewerId: o.reviewerId ?? this.officerId,
        outcome: o.outcome,
        actedAt: o.actedAt,
      })
      .returning({ id: reviews.id });
    return row!.id;
  }

  async decision(caseId: number, o: { kind: string; decidedAt: Date; items?: string[] }): Promise<number> {
    const [row] = await this.db
      .insert(decisions)
      .values({
        orgId: this.t.orgId,
        caseId,
        kind: o.kind,
        docNo: `TD${next()}`,
        penaltyItemCodes: o.items ?? ['ZA-43-1'],
        decidedAt: o.decidedAt,
        decidedBy: this.officerId,
      })
      .returning({ id: decisions.id });
    return row!.id;
  }

  async publication(o: { dueOn: string; status?: string; publishedAt?: Date | null; decidedAt?: Date }) {
    const caseId = await this.case({ receivedAt: o.decidedAt ?? at('2025-05-01'), status: 'decided' });
    const decisionId = await this.decision(caseId, {
      kind: 'fine',
      decidedAt: o.decidedAt ?? at('2025-05-01'),
    });
    const [row] = await this.db
      .insert(publications)
      .values({
        orgId: this.t.orgId,
        decisionId,
        caseId,
        unitId: this.unitId,
        status: o.status ?? (o.publishedAt ? 'published' : 'pending'),
        clockRule: 'publicity_penalty',
        dueOn: o.dueOn,
        publishedAt: o.publishedAt ?? null,
      })
      .returning({ id: publications.id });
    return row!.id;
  }

  async proceeding(
    caseId: number,
    o: { kind: string; startedOn: string; dueOn?: string | null; status?: string; closedOn?: string | null },
  ): Promise<number> {
    const [row] = await this.db
      .insert(proceedings)
      .values({
        orgId: this.t.orgId,
        caseId,
        kind: o.kind,
        status: o.status ?? 'open',
        startedOn: o.startedOn,
        dueOn: o.dueOn ?? null,
        closedOn: o.closedOn ?? null,
        createdBy: this.officerId,
        createdAt: at(o.startedOn),
      })
      .returning({ id: proceedings.id });
    return row!.id;
  }

  async cameraCheck(incidentId: number, o: { sampleDay: string; result: string; checkedAt?: Date }) {
    const [row] = await this.db
      .insert(cameraChecks)
      .values({
        orgId: this.t.orgId,
        sampleDay: o.sampleDay,
        incidentId,
        unitId: this.unitId,
        result: o.result,
        checkedAt: o.result === 'pending' ? null : (o.checkedAt ?? at(o.sampleDay, '16:00')),
      })
      .returning({ id: cameraChecks.id });
    return row!.id;
  }

  async discussion(caseId: number, heldAt: Date) {
    await this.db.insert(discussions).values({
      orgId: this.t.orgId,
      caseId,
      heldAt,
      chairId: this.officerId,
      opinions: [],
      conclusion: '同意',
      recordedBy: this.officerId,
    });
  }

  async evidence(caseId: number, uploadedAt: Date) {
    const stored = await storeBytes(this.db, this.t.orgId, Buffer.from('a'));
    await this.db.insert(evidence).values({
      orgId: this.t.orgId,
      caseId,
      fileName: 'a.txt',
      contentType: 'text/plain',
      size: stored.size,
      sha256: stored.sha256,
      blobId: stored.blobId,
      uploadedBy: this.officerId,
      uploadedAt,
    });
  }
}

/** The findings of a rule code on the given subjects (other tests' records left aside). */
export async function findingsOf(db: Queryable, code: string, subjectIds: readonly number[], type?: string) {
  if (!subjectIds.length) return [];
  return rows<{
    id: number;
    subject_type: string;
    subject_id: number;
    problem_key: string;
    status: string;
    source: string;
    occurred_on: string;
    detail: Record<string, unknown>;
    closed_reason: string | null;
    unit_id: number;
    officer_id: number | null;
    rectify_due_on: string;
    version: number;
  }>(
    db,
    sql`select id::int, subject_type, subject_id::int, problem_key, status, source, occurred_on::text,
          detail, closed_reason, unit_id, officer_id, rectify_due_on::text, version
        from ${supervisionFindings} where rule_code = ${code}
          and subject_id in (${sql.join(
            subjectIds.map((id) => sql`${id}`),
            sql`, `,
          )}) ${type ? sql`and subject_type = ${type}` : sql``} order by id`,
  );
}

/** Subject ids flagged by a rule code among the given ones. */
export async function flagged(
  db: Queryable,
  code: string,
  subjectIds: readonly number[],
  type?: string,
): Promise<number[]> {
  return (await findingsOf(db, code, subjectIds, type))
    .filter((f) => f.status === 'open' || f.status === 'answered')
    .map((f) => Number(f.subject_id));
}
