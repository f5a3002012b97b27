import { sql } from 'drizzle-orm';
import {
  boolean,
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

/**
 * The law register (法律法规库): versions of the laws Fazhi applies, national and shared by every
 * branch. A version is never edited in place: a correction is a new row that supersedes the old.
 */
export const lawVersions = pgTable(
  'law_versions',
  {
    rowId: serial('row_id').primaryKey(),
    /** `治安管理处罚法@2026-01-01`: the law and the date the version came into force. */
    id: text('id').notNull(),
    law: text('law').notNull(),
    title: text('title').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveUntil: date('effective_until', { mode: 'string' }),
    /** Rules of the general part (common/src/law/model.ts LawVersion.general). */
    general: jsonb('general').notNull().default(sql`'{}'::jsonb`),
    unconfirmed: boolean('unconfirmed').notNull().default(false),
    source: text('source').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    createdBy: integer('created_by'),
    supersededAt: tstz('superseded_at'),
  },
  (t) => [uniqueIndex('law_versions_current').on(t.id).where(sql`superseded_at is null`)],
);

/** An offence as one version of a law defines it: article, penalty tiers, flags. */
export const offenceVersions = pgTable(
  'offence_versions',
  {
    rowId: serial('row_id').primaryKey(),
    name: text('name').notNull(),
    law: text('law').notNull(),
    /** `law_versions.id`. */
    version: text('version').notNull(),
    article: text('article').notNull(),
    caseType: text('case_type').notNull(),
    /** TierRule[] (common/src/law/model.ts). */
    tiers: jsonb('tiers').notNull(),
    organisations: boolean('organisations').notNull().default(false),
    publicationExcluded: boolean('publication_excluded').notNull().default(false),
    unconfirmed: boolean('unconfirmed').notNull().default(false),
    note: text('note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    createdBy: integer('created_by'),
    supersededAt: tstz('superseded_at'),
  },
  (t) => [
    uniqueIndex('offence_versions_current').on(t.name, t.version).where(sql`superseded_at is null`),
    index('offence_versions_name').on(t.name),
  ],
);
