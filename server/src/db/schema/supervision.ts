import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, tstz } from './columns.ts';
import { fileBlobs } from './files.ts';
import { orgIdColumn } from './platform.ts';

const orgId = orgIdColumn;

/**
 * 执法监督 rules as data: which check (`kind`, implemented in server/src/modules/supervision/rules),
 * with what parameters, from which date. A revised rule is a new row with a later
 * `effective_from`; the scan uses, per code, the newest row in force.
 */
export const supervisionRules = pgTable(
  'supervision_rules',
  {
    id: serial('id').primaryKey(),
    orgId: orgId(),
    code: text('code').notNull(),
    /** The check that implements the rule (a key of the rule registry). */
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** low | medium | high */
    severity: text('severity').notNull(),
    /** incident | case | publication | review | callback */
    scope: text('scope').notNull(),
    params: jsonb('params').notNull().default({}),
    /** Records whose relevant date is before this are not examined by the rule. */
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Days the responsible unit has to rectify a finding of this rule. */
    rectifyDays: integer('rectify_days').notNull().default(10),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('supervision_rules_org_code_from').on(t.orgId, t.code, t.effectiveFrom)],
);

/**
 * One problem found by a rule. `problem_key` names the problem (e.g. `case:812:clock:2021-03-02`)
 * so a rescan finds the same row instead of making a second one.
 */
export const supervisionFindings = pgTable(
  'supervision_findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    ruleCode: text('rule_code').notNull(),
    problemKey: text('problem_key').notNull(),
    /** incident | case | publication | review | callback | camera_check */
    subjectType: text('subject_type').notNull(),
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    incidentId: bigint('incident_id', { mode: 'number' }),
    caseId: bigint('case_id', { mode: 'number' }),
    unitId: integer('unit_id').notNull(),
    officerId: integer('officer_id'),
    severity: text('severity').notNull(),
    /** The facts the rule saw (hours without a case, days late, clock rule …), for the message. */
    detail: jsonb('detail').notNull().default({}),
    /** The date the problem arose (incident received, clock due …): months and reports count by it. */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** open | answered | corrected | dismissed | resolved (the problem went away by itself) */
    status: text('status').notNull().default('open'),
    /** scan | spot_check | callback | manual */
    source: text('source').notNull().default('scan'),
    raisedAt: tstz('raised_at').notNull().defaultNow(),
    rectifyDueOn: date('rectify_due_on', { mode: 'string' }).notNull(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    answeredAt: tstz('answered_at'),
    closedAt: tstz('closed_at'),
    closedBy: integer('closed_by'),
    closedReason: text('closed_reason'),
    /** The detachment confirmed it as a violation (the report counts these apart from corrected). */
    confirmedViolation: boolean('confirmed_violation').notNull().default(false),
    returnCount: integer('return_count').notNull().default(0),
    /** 督办: the detachment pressed the unit with a 督办通知书. */
    supervisedAt: tstz('supervised_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('supervision_findings_problem').on(t.orgId, t.ruleCode, t.problemKey),
    index('supervision_findings_org_status').on(t.orgId, t.status, t.rectifyDueOn),
    index('supervision_findings_org_unit').on(t.orgId, t.unitId, t.status),
    index('supervision_findings_org_occurred').on(t.orgId, t.occurredOn),
    index('supervision_findings_case').on(t.caseId),
    index('supervision_findings_incident').on(t.incidentId),
    // A scan compares a rule's problems with its findings still open; corrected ones pile up
    // over the years and must not be read every day.
    index('supervision_findings_open')
      .on(t.orgId, t.ruleCode)
      .where(sql`${t.status} in ('open', 'answered')`),
  ],
);

/** The rectification thread of a finding: answers with evidence, returns, verification, notes. */
export const findingEvents = pgTable(
  'finding_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    findingId: bigint('finding_id', { mode: 'number' }).notNull(),
    /** raised | answered | returned | corrected | dismissed | resolved | reopened | supervised | confirmed */
    kind: text('kind').notNull(),
    note: text('note'),
    actorId: integer('actor_id'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('finding_events_finding').on(t.findingId)],
);

/** Evidence of rectification: stored with its SHA-256, never overwritten. */
export const findingFiles = pgTable(
  'finding_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    findingId: bigint('finding_id', { mode: 'number' }).notNull(),
    eventId: bigint('event_id', { mode: 'number' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** The content, in the file store. */
    blobId: bigint('blob_id', { mode: 'number' })
      .notNull()
      .references(() => fileBlobs.id),
    uploadedBy: integer('uploaded_by').notNull(),
    uploadedAt: tstz('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('finding_files_finding').on(t.findingId), uniqueIndex('finding_files_blob').on(t.blobId)],
);

/**
 * Scans: a daily scheduled scan is claimed by inserting its (org, day) row, so with several
 * server instances exactly one runs it; manual scans add rows of their own.
 */
export const supervisionScans = pgTable(
  'supervision_scans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    /** schedule | manual */
    trigger: text('trigger').notNull(),
    /** full | incremental */
    mode: text('mode').notNull(),
    /** The China-time day of a scheduled scan (its exactly-once key); null for manual scans. */
    scheduledFor: date('scheduled_for', { mode: 'string' }),
    /** Incremental scans examine records changed after this instant. */
    since: tstz('since'),
    /** running | done | failed */
    status: text('status').notNull().default('running'),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
    startedBy: integer('started_by'),
    /** Rows the scan looked at, findings raised / reopened / still open / resolved, per rule. */
    counts: jsonb('counts').notNull().default({}),
    /** running scan's progress 0..1 */
    progress: numeric('progress', { precision: 4, scale: 3 }).notNull().default('0'),
    error: text('error'),
    instance: text('instance'),
  },
  (t) => [
    uniqueIndex('supervision_scans_daily').on(t.orgId, t.scheduledFor),
    index('supervision_scans_org_started').on(t.orgId, t.startedAt),
  ],
);

/** Daily jobs other than the scan (camera sample, call-back tasks …), claimed exactly once per day. */
export const dailyJobRuns = pgTable(
  'daily_job_runs',
  {
    orgId: orgId(),
    job: text('job').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** running | done | failed */
    status: text('status').notNull().default('running'),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
    result: jsonb('result'),
    error: text('error'),
    instance: text('instance'),
  },
  (t) => [uniqueIndex('daily_job_runs_key').on(t.orgId, t.job, t.day)],
);

/** Numbered supervision documents: 执法建议书, 督办通知书, 执法质量通报 (the .docx as issued). */
export const supervisionDocuments = pgTable(
  'supervision_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    /** suggestion | supervise_notice | quality_bulletin */
    kind: text('kind').notNull(),
    docNo: text('doc_no').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** The addressed unit (none for a branch-wide 通报). */
    unitId: integer('unit_id'),
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    findingIds: bigint('finding_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    /** What the document says beyond the findings (requirements, deadline …). */
    body: jsonb('body').notNull().default({}),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    issuedBy: integer('issued_by').notNull(),
    issuedAt: tstz('issued_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_documents_org_no').on(t.orgId, t.docNo),
    index('supervision_documents_org_kind').on(t.orgId, t.kind, t.issuedAt),
  ],
);

/** 执法过错责任追究: an accountability record opened from a confirmed violation (or directly). */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    findingId: bigint('finding_id', { mode: 'number' }),
    caseId: bigint('case_id', { mode: 'number' }),
    unitId: integer('unit_id').notNull(),
    officerId: integer('officer_id'),
    fault: text('fault').notNull(),
    /** open | decided */
    status: text('status').notNull().default('open'),
    /** 批评教育 | 责令检查 | 诫勉 | 停止执行职务 | 纪律处分 … (a code of ACCOUNTABILITY_MEASURES) */
    measure: text('measure'),
    decisionNote: text('decision_note'),
    openedBy: integer('opened_by').notNull(),
    openedAt: tstz('opened_at').notNull().defaultNow(),
    decidedBy: integer('decided_by'),
    decidedAt: tstz('decided_at'),
  },
  (t) => [
    index('accountability_org_status').on(t.orgId, t.status),
    index('accountability_finding').on(t.findingId),
  ],
);

/** 执法监督委员会 meetings: topic reports, cases studied, decisions. */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    chairId: integer('chair_id'),
    attendeeIds: integer('attendee_ids').array().notNull().default(sql`'{}'::int[]`),
    /** [{title, reporter}] — 法制专题报告 submitted to the branch party committee */
    topicReports: jsonb('topic_reports').notNull().default([]),
    caseIds: bigint('case_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    /** [{text, ownerUnitId, dueOn}] */
    decisions: jsonb('decisions').notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    recordedBy: integer('recorded_by').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('committee_meetings_org_held').on(t.orgId, t.heldOn)],
);

/** 执法记录仪 daily spot check: one sampled incident of the previous day, checked by the command centre. */
export const cameraChecks = pgTable(
  'camera_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    /** The day whose incidents were sampled. */
    sampleDay: date('sample_day', { mode: 'string' }).notNull(),
    incidentId: bigint('incident_id', { mode: 'number' }).notNull(),
    unitId: integer('unit_id').notNull(),
    /** pending | recorded | not_recorded | partial */
    result: text('result').notNull().default('pending'),
    note: text('note'),
    checkedBy: integer('checked_by'),
    checkedAt: tstz('checked_at'),
  },
  (t) => [
    uniqueIndex('camera_checks_incident').on(t.orgId, t.incidentId),
    index('camera_checks_org_day').on(t.orgId, t.sampleDay),
  ],
);

/** 民意监测 call-back: every burglary and a sample of other incidents; 二次查办 when dissatisfied. */
export const callbacks = pgTable(
  'callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    incidentId: bigint('incident_id', { mode: 'number' }).notNull(),
    unitId: integer('unit_id').notNull(),
    /** burglary | sample */
    reason: text('reason').notNull(),
    /** The day the task was made (the day after the incident). */
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    /** pending | done | unreachable */
    status: text('status').notNull().default('pending'),
    /** satisfied | basically_satisfied | dissatisfied */
    satisfaction: text('satisfaction'),
    note: text('note'),
    calledBy: integer('called_by'),
    calledAt: tstz('called_at'),
    attempts: integer('attempts').notNull().default(0),
    /** 二次查办: none | open | done */
    followUpStatus: text('follow_up_status').notNull().default('none'),
    followUpDueOn: date('follow_up_due_on', { mode: 'string' }),
    followUpResult: text('follow_up_result'),
    followUpBy: integer('follow_up_by'),
    followUpClosedAt: tstz('follow_up_closed_at'),
  },
  (t) => [
    uniqueIndex('callbacks_incident').on(t.orgId, t.incidentId),
    index('callbacks_org_status').on(t.orgId, t.status, t.createdOn),
    index('callbacks_org_follow_up').on(t.orgId, t.followUpStatus),
  ],
);

/** 执法质量考评 rubric: items with their maximum deductions, and veto items (一票否决). */
export const evaluationRubrics = pgTable(
  'evaluation_rubrics',
  {
    id: serial('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    /** [{code, nameZh, nameEn, maxDeduction, veto}] */
    items: jsonb('items').notNull(),
    fullScore: integer('full_score').notNull().default(100),
    /** Unit average at or above this is 优秀 (excellent). */
    excellentScore: integer('excellent_score').notNull().default(90),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_rubrics_org_from').on(t.orgId, t.effectiveFrom)],
);

/** A quarterly evaluation round: sample, score, dispute, publish. */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: serial('id').primaryKey(),
    orgId: orgId(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    rubricId: integer('rubric_id').notNull(),
    /** Closed cases sampled per unit (fewer when a unit closed fewer). */
    perUnit: integer('per_unit').notNull(),
    seed: integer('seed').notNull(),
    /** scoring | published */
    status: text('status').notNull().default('scoring'),
    createdBy: integer('created_by').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    publishedAt: tstz('published_at'),
  },
  (t) => [uniqueIndex('evaluation_rounds_org_period').on(t.orgId, t.year, t.quarter)],
);

/** One sampled case of a round with its score (full score less deductions; 0 on a veto). */
export const evaluationSamples = pgTable(
  'evaluation_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    roundId: integer('round_id').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    unitId: integer('unit_id').notNull(),
    officerId: integer('officer_id').notNull(),
    evaluatorId: integer('evaluator_id'),
    /** pending | scored | disputed | final */
    status: text('status').notNull().default('pending'),
    /** [{item, points, note}] */
    deductions: jsonb('deductions').notNull().default([]),
    vetoed: boolean('vetoed').notNull().default(false),
    score: numeric('score', { precision: 5, scale: 1 }),
    scoredAt: tstz('scored_at'),
    disputeReason: text('dispute_reason'),
    disputedBy: integer('disputed_by'),
    disputedAt: tstz('disputed_at'),
    /** upheld | revised */
    disputeOutcome: text('dispute_outcome'),
    disputeNote: text('dispute_note'),
    disputeDecidedBy: integer('dispute_decided_by'),
    disputeDecidedAt: tstz('dispute_decided_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('evaluation_samples_round_case').on(t.roundId, t.caseId),
    index('evaluation_samples_round_unit').on(t.roundId, t.unitId),
  ],
);

/** The year's awards proposed from the scores: 执法质量优秀单位 and 法制之星. */
export const evaluationAwards = pgTable(
  'evaluation_awards',
  {
    id: serial('id').primaryKey(),
    orgId: orgId(),
    year: integer('year').notNull(),
    /** excellent_unit | legal_star */
    kind: text('kind').notNull(),
    unitId: integer('unit_id').notNull(),
    officerId: integer('officer_id'),
    rank: integer('rank').notNull(),
    score: numeric('score', { precision: 5, scale: 1 }).notNull(),
    /** Consecutive years (ending this one) the unit was excellent; 3+ earns the 三等功 proposal. */
    consecutiveYears: integer('consecutive_years').notNull().default(1),
    /** proposed | approved */
    status: text('status').notNull().default('proposed'),
    proposedBy: integer('proposed_by').notNull(),
    proposedAt: tstz('proposed_at').notNull().defaultNow(),
    approvedBy: integer('approved_by'),
    approvedAt: tstz('approved_at'),
  },
  (t) => [
    uniqueIndex('evaluation_awards_key').on(t.orgId, t.year, t.kind, t.unitId, t.officerId),
    index('evaluation_awards_org_year').on(t.orgId, t.year),
  ],
);

/** 执法办案区自查: a case-handling area's self-inspection against the checklist, and its fixes. */
export const selfInspections = pgTable(
  'self_inspections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    unitId: integer('unit_id').notNull(),
    /** e.g. 2021-Q3 */
    period: text('period').notNull(),
    /** [{code, ok, note}] against SELF_INSPECTION_ITEMS */
    items: jsonb('items').notNull(),
    problems: integer('problems').notNull().default(0),
    /** open (problems being fixed) | rectified */
    status: text('status').notNull().default('open'),
    rectification: text('rectification'),
    submittedBy: integer('submitted_by').notNull(),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    rectifiedAt: tstz('rectified_at'),
  },
  (t) => [uniqueIndex('self_inspections_unit_period').on(t.orgId, t.unitId, t.period)],
);
