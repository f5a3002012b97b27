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
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tstz } from './columns.ts';
import { fileBlobs } from './files.ts';
import { officers, orgIdColumn, units } from './platform.ts';

const orgId = orgIdColumn;

/**
 * Statutory clocks as data (LEGAL-RULES.md): a rule's length, its day kind and the date it takes
 * effect, so a revised law adds a row instead of changing code. National, like the calendar.
 */
export const legalRules = pgTable(
  'legal_rules',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    amount: integer('amount').notNull(),
    /** hours | calendar_days | working_days | months */
    unit: text('unit').notNull(),
    custody: boolean('custody').notNull().default(false),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    citation: text('citation').notNull(),
    unconfirmed: boolean('unconfirmed').notNull().default(false),
    /** How many times an extension rule may be applied (null: once). */
    maxTimes: integer('max_times'),
    /** A case period that does not count the time of a 听证 (治安管理处罚法 2025 art.118). */
    hearingExcluded: boolean('hearing_excluded').notNull().default(false),
  },
  (t) => [uniqueIndex('legal_rules_code_from').on(t.code, t.effectiveFrom)],
);

/** The branch's incident-category dictionary (刑事, 治安, 交通, 纠纷, 求助 … with sub-categories). */
export const incidentCategories = pgTable(
  'incident_categories',
  {
    orgId: orgId(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** Incidents of this category normally become a case (有警无案 supervision reads it). */
    needsCase: boolean('needs_case').notNull().default(false),
    /** The body camera must be recording at the scene. */
    cameraRequired: boolean('camera_required').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] })],
);

/** Penalty items with their legal basis; the full power list (权责清单) links here later. */
export const penaltyItems = pgTable(
  'penalty_items',
  {
    orgId: orgId(),
    code: text('code').notNull(),
    caseType: text('case_type').notNull(),
    name: text('name').notNull(),
    law: text('law').notNull(),
    article: text('article').notNull(),
    /** Decision kinds this item allows (warning, fine, detention …). */
    penalties: text('penalties').array().notNull().default(sql`'{}'::text[]`),
    powerListCode: text('power_list_code'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] })],
);

/** Per-branch, per-year document and record numbers (决定书文号, 案件编号, 警情编号). */
export const numberSequences = pgTable(
  'number_sequences',
  {
    orgId: orgId(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    next: integer('next').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.year] })],
);

export const incidents = pgTable(
  'incidents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    incidentNo: text('incident_no').notNull(),
    /** 110 | walk_in | online | transfer */
    source: text('source').notNull(),
    /** The id in the source system (110 export); unique per branch so re-imports are refused. */
    sourceId: text('source_id'),
    receivedAt: tstz('received_at').notNull(),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    categoryCode: text('category_code').notNull(),
    place: text('place').notNull(),
    narrative: text('narrative').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    officerIds: integer('officer_ids').array().notNull().default(sql`'{}'::int[]`),
    /** pending | handled_on_scene | case_opened | no_action | transferred | mediated */
    disposal: text('disposal').notNull().default('pending'),
    disposalNote: text('disposal_note'),
    disposedAt: tstz('disposed_at'),
    cameraRecorded: boolean('camera_recorded'),
    cameraEvidenceRef: text('camera_evidence_ref'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('incidents_org_no').on(t.orgId, t.incidentNo),
    uniqueIndex('incidents_org_source_id').on(t.orgId, t.sourceId),
    index('incidents_org_unit_received').on(t.orgId, t.unitId, t.receivedAt),
    index('incidents_org_received').on(t.orgId, t.receivedAt),
    index('incidents_updated').on(t.updatedAt),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseNo: text('case_no').notNull(),
    /** admin | criminal */
    caseType: text('case_type').notNull(),
    incidentId: bigint('incident_id', { mode: 'number' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    leadOfficerId: integer('lead_officer_id')
      .notNull()
      .references(() => officers.id),
    coOfficerIds: integer('co_officer_ids').array().notNull().default(sql`'{}'::int[]`),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** A status of the case type's workflow table in common/src/cases/workflow.ts. */
    status: text('status').notNull(),
    /** The decision the officer proposes; it decides which review gates apply. */
    proposedDecision: text('proposed_decision'),
    /** The review gate the case waits at (officer … branch_head) while status is in_review. */
    currentGate: text('current_gate'),
    reviewRound: integer('review_round').notNull().default(0),
    major: boolean('major').notNull().default(false),
    inCentre: boolean('in_centre').notNull().default(false),
    complex: boolean('complex').notNull().default(false),
    receivedAt: tstz('received_at').notNull(),
    /** The running statutory clock: its rule and due date (dates in China Standard Time). */
    clockRule: text('clock_rule'),
    clockStart: date('clock_start', { mode: 'string' }),
    clockDue: date('clock_due', { mode: 'string' }),
    /**
     * The due date was counted (partly) on a year whose State Council holiday notice was not
     * loaded: statutory holidays only, no 调休. Shown as 暂定; recomputed when the notice loads.
     */
    clockProvisional: boolean('clock_provisional').notNull().default(false),
    acceptedAt: tstz('accepted_at'),
    periodExtendedDays: integer('period_extended_days').notNull().default(0),
    appraisalDays: integer('appraisal_days').notNull().default(0),
    closedAt: tstz('closed_at'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_org_no').on(t.orgId, t.caseNo),
    index('cases_org_unit_status').on(t.orgId, t.unitId, t.status),
    index('cases_org_gate').on(t.orgId, t.currentGate),
    index('cases_incident').on(t.incidentId),
    index('cases_clock_due').on(t.orgId, t.clockDue),
    // The case list (newest activity first) and 待办 (my cases by clock).
    index('cases_org_updated').on(t.orgId, t.updatedAt.desc()),
    index('cases_org_lead_due').on(t.orgId, t.leadOfficerId, t.clockDue),
  ],
);

/** Persons and organisations of a case; ID numbers are stored whole and masked on display. */
export const caseParties = pgTable(
  'case_parties',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    /** person | organisation */
    kind: text('kind').notNull(),
    /** suspect | offender | victim | complainant | witness | other */
    role: text('role').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    creditCode: text('credit_code'),
    /** 法定代表人 (or 主要负责人) of an organisation. */
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    address: text('address'),
  },
  (t) => [index('case_parties_case').on(t.caseId)],
);

export const caseOffences = pgTable(
  'case_offences',
  {
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    penaltyItemCode: text('penalty_item_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.penaltyItemCode] })],
);

/** Evidence files: content stored with its SHA-256 and never overwritten (a new file is a new row). */
export const evidence = pgTable(
  'evidence',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** The content, in the file store. */
    blobId: bigint('blob_id', { mode: 'number' })
      .notNull()
      .references(() => fileBlobs.id),
    description: text('description'),
    uploadedBy: integer('uploaded_by').notNull(),
    uploadedAt: tstz('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('evidence_case').on(t.caseId), uniqueIndex('evidence_blob').on(t.blobId)],
);

/** One act at one review gate (三级五关): approve, send back, or disagree, with the checklist. */
export const reviews = pgTable(
  'reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    round: integer('round').notNull(),
    gate: text('gate').notNull(),
    reviewerId: integer('reviewer_id').notNull(),
    /** submit | approve | send_back | disagree */
    outcome: text('outcome').notNull(),
    checklist: jsonb('checklist').notNull().default({}),
    reasons: text('reasons'),
    actedAt: tstz('acted_at').notNull().defaultNow(),
  },
  (t) => [
    index('reviews_case').on(t.caseId),
    // A period's acts at a gate (法制审核 counts of the annual report and the statistics tables).
    index('reviews_org_gate_acted').on(t.orgId, t.gate, t.actedAt),
    // One act per gate per round: the second of two simultaneous reviewers conflicts.
    uniqueIndex('reviews_case_round_gate').on(t.caseId, t.round, t.gate),
  ],
);

/** Collective discussion of a major or difficult case; every opinion and dissent kept as said. */
export const discussions = pgTable(
  'discussions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    heldAt: tstz('held_at').notNull(),
    chairId: integer('chair_id').notNull(),
    /** [{officerId, name, opinion}] */
    opinions: jsonb('opinions').notNull(),
    conclusion: text('conclusion').notNull(),
    dissent: text('dissent'),
    recordedBy: integer('recorded_by').notNull(),
  },
  (t) => [index('discussions_case').on(t.caseId)],
);

/** Decisions with their numbered document (行政处罚决定书, 不予立案通知书 …). */
export const decisions = pgTable(
  'decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    docNo: text('doc_no').notNull(),
    fineAmount: numeric('fine_amount', { precision: 12, scale: 2 }),
    detentionDays: integer('detention_days'),
    confiscation: text('confiscation'),
    penaltyItemCodes: text('penalty_item_codes').array().notNull().default(sql`'{}'::text[]`),
    partyId: bigint('party_id', { mode: 'number' }),
    facts: text('facts').notNull().default(''),
    reasoning: text('reasoning').notNull().default(''),
    /** 行为发生日: the date that chose the law version (with 从旧兼从轻 at decision time). */
    actDate: date('act_date', { mode: 'string' }),
    /** The law versions and articles applied, as the penalty check answered (LawApplied[]). */
    lawBasis: jsonb('law_basis'),
    /** Notices of the check that bind the execution (e.g. detention_not_executed). */
    lawNotices: jsonb('law_notices'),
    /** 分别决定: each offence with its own penalties (ProposedDecision['offences'] with names). */
    offencePenalties: jsonb('offence_penalties'),
    /** Criminal: the 强制措施 taken on the suspects, as the officer recorded them (CoerciveMeasure[]). */
    measures: jsonb('measures'),
    /** Criminal: 认罪认罚 as recorded (null: none). */
    guiltyPlea: text('guilty_plea'),
    /** 撤销案件: the ground of 程序规定 art.186 (RevokeGround). */
    revokeGround: text('revoke_ground'),
    decidedAt: tstz('decided_at').notNull(),
    decidedBy: integer('decided_by').notNull(),
    /** effective | changed | revoked */
    status: text('status').notNull().default('effective'),
    statusChangedAt: tstz('status_changed_at'),
  },
  (t) => [
    uniqueIndex('decisions_org_doc_no').on(t.orgId, t.docNo),
    index('decisions_case').on(t.caseId),
    // A period's decisions (行政处罚人数, 公示 …): the annual report counts them by decision date.
    index('decisions_org_decided').on(t.orgId, t.decidedAt),
  ],
);

/**
 * Side proceedings with their own clocks: the not-filed notice and its service, the
 * complainant's 复议 and 复核, procuratorate feedback and the replies, period extensions.
 */
export const proceedings = pgTable(
  'proceedings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    /** open | done */
    status: text('status').notNull().default('open'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    clockRule: text('clock_rule'),
    dueOn: date('due_on', { mode: 'string' }),
    /** 暂定: see cases.clockProvisional. */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    closedOn: date('closed_on', { mode: 'string' }),
    detail: jsonb('detail').notNull().default({}),
    outcome: text('outcome'),
    createdBy: integer('created_by').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('proceedings_case').on(t.caseId),
    index('proceedings_org_due').on(t.orgId, t.status, t.dueOn),
  ],
);

/** 线下办理: a case handled outside the online system, with its report and reason. */
export const offlineReports = pgTable(
  'offline_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    unitId: integer('unit_id').notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    caseType: text('case_type').notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    reportedBy: integer('reported_by').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    approvedBy: integer('approved_by'),
  },
  (t) => [index('offline_reports_org_date').on(t.orgId, t.reportedOn)],
);

/** 执法公示: one task per decision, due in 7 or 20 working days; withdrawn within 3 days. */
export const publications = pgTable(
  'publications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    decisionId: bigint('decision_id', { mode: 'number' }).notNull().unique(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    unitId: integer('unit_id').notNull(),
    /** pending | published | withdrawn */
    status: text('status').notNull().default('pending'),
    clockRule: text('clock_rule').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** 暂定: see cases.clockProvisional. */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    publishedAt: tstz('published_at'),
    publishedBy: integer('published_by'),
    /** What the public sees, masked when published: never rebuilt from live data. */
    content: jsonb('content'),
    searchText: text('search_text'),
    /** The day the withdrawal clock started (the decision was changed or revoked). */
    withdrawStartedOn: date('withdraw_started_on', { mode: 'string' }),
    withdrawDueOn: date('withdraw_due_on', { mode: 'string' }),
    withdrawDueProvisional: boolean('withdraw_due_provisional').notNull().default(false),
    withdrawnAt: tstz('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    index('publications_org_status_due').on(t.orgId, t.status, t.dueOn),
    index('publications_published').on(t.orgId, t.publishedAt),
  ],
);
