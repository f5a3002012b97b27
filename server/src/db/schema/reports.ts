import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tstz } from './columns.ts';
import { fileBlobs } from './files.ts';
import { orgIdColumn } from './platform.ts';

const orgId = orgIdColumn;

/**
 * 数据填报: a collection round the legal detachment opens for figures no module records
 * (traffic, party building, epidemic …). Each department fills its form of metrics for the period.
 */
export const collectionRounds = pgTable(
  'collection_rounds',
  {
    id: serial('id').primaryKey(),
    orgId: orgId(),
    title: text('title').notNull(),
    /** The period the figures describe: '2021' (a year) or '2021-Q3' (a quarter). */
    period: text('period').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    createdBy: integer('created_by').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    closedAt: tstz('closed_at'),
  },
  (t) => [uniqueIndex('collection_rounds_org_period_title').on(t.orgId, t.period, t.title)],
);

/**
 * One department's form in a round: the metrics it owes, its values with notes, the head's
 * sign-off and the detachment's acceptance. Every saved state is kept in submission_versions.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    roundId: integer('round_id').notNull(),
    unitId: integer('unit_id').notNull(),
    /** The metric ids this department owes in this round. */
    metricIds: text('metric_ids').array().notNull().default(sql`'{}'::text[]`),
    /** {metricId: {value: number|null, note: string}} */
    values: jsonb('values').notNull().default({}),
    /** draft | signed (submitted by the head) | accepted | returned */
    status: text('status').notNull().default('draft'),
    filledBy: integer('filled_by'),
    signedBy: integer('signed_by'),
    signedAt: tstz('signed_at'),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: tstz('reviewed_at'),
    returnReason: text('return_reason'),
    remindedAt: tstz('reminded_at'),
    version: integer('version').notNull().default(1),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('submissions_round_unit').on(t.roundId, t.unitId),
    index('submissions_org_status').on(t.orgId, t.status),
  ],
);

/** Every saved state of a submission (values and status), so nothing acknowledged is lost. */
export const submissionVersions = pgTable(
  'submission_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    submissionId: bigint('submission_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    values: jsonb('values').notNull(),
    note: text('note'),
    actorId: integer('actor_id').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('submission_versions_key').on(t.submissionId, t.version)],
);

/** Attachments of a submission (the department's own tables, scans of signed forms …). */
export const submissionFiles = pgTable(
  'submission_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    submissionId: bigint('submission_id', { mode: 'number' }).notNull(),
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
  (t) => [
    index('submission_files_submission').on(t.submissionId),
    uniqueIndex('submission_files_blob').on(t.blobId),
  ],
);

/**
 * 法治政府建设年度报告: the branch's report for a year. Its narrative blocks are the branch's own
 * wording and embed figures only by reference ({{metric.id}}), so no number is typed by hand.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: serial('id').primaryKey(),
    orgId: orgId(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** [{id, level: 0|1|2|3, heading, text}] in document order (一 / （一） / 1. / paragraph). */
    blocks: jsonb('blocks').notNull(),
    /** The signing body and date printed at the end. */
    signature: text('signature').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_reports_org_year').on(t.orgId, t.year)],
);

/** Each saved version of a report's text, for the history and to see who changed what. */
export const annualReportVersions = pgTable(
  'annual_report_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    reportId: integer('report_id').notNull(),
    version: integer('version').notNull(),
    blocks: jsonb('blocks').notNull(),
    title: text('title').notNull(),
    signature: text('signature').notNull(),
    actorId: integer('actor_id').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_report_versions_key').on(t.reportId, t.version)],
);
