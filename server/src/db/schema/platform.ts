import { CLOCK_KINDS, PERSONNEL_KINDS } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tstz } from './columns.ts';

/** A branch (分局). Every business table carries its id so one database can host several. */
export const orgs = pgTable('orgs', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** The `org_id` column of a business table. */
export const orgIdColumn = () =>
  integer('org_id')
    .notNull()
    .references(() => orgs.id);

/** The unit tree: 分局 > 支队/大队/派出所 > 警务区. `path` is '/1/5/9/' for subtree queries. */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    parentId: integer('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    caseHandling: boolean('case_handling').notNull().default(false),
    active: boolean('active').notNull().default(true),
    path: text('path').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('units_org_code').on(t.orgId, t.code), index('units_path').on(t.path)],
);

export const roles = pgTable(
  'roles',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    scope: text('scope').notNull(),
    requiresTotp: boolean('requires_totp').notNull().default(false),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] })],
);

/** Officers are the users: every account belongs to a person with a badge number and a unit. */
export const officers = pgTable(
  'officers',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    badgeNo: text('badge_no').notNull(),
    name: text('name').notNull(),
    username: text('username').notNull(),
    phone: text('phone'),
    qualificationLevel: text('qualification_level'),
    qualificationDate: date('qualification_date', { mode: 'string' }),
    legalProfessionQualified: boolean('legal_profession_qualified').notNull().default(false),
    legalOfficer: boolean('legal_officer').notNull().default(false),
    legalOfficerSince: date('legal_officer_since', { mode: 'string' }),
    /** 民警, 辅警, 文职人员, 驻所律师 (PERSONNEL_KINDS): only police officers count as officers. */
    personnelKind: text('personnel_kind').notNull().default('police'),
    active: boolean('active').notNull().default(true),
    /** In service from / until (service history: who counted in 执法人员总数 at a year's end). */
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
    /** The password is a one-time one an administrator set: the next sign-in may only change it. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last TOTP time step (unix time / 30 s) accepted for this account: a code is good once. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    recoveryCodes: text('recovery_codes').array().notNull().default(sql`'{}'::text[]`),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('officers_org_badge').on(t.orgId, t.badgeNo),
    uniqueIndex('officers_username').on(t.username),
    index('officers_unit').on(t.unitId),
    check(
      'officers_personnel_kind',
      sql.raw(`personnel_kind in (${PERSONNEL_KINDS.map((k) => `'${k}'`).join(', ')})`),
    ),
  ],
);

export const officerRoles = pgTable(
  'officer_roles',
  {
    orgId: integer('org_id').notNull(),
    officerId: integer('officer_id')
      .notNull()
      .references(() => officers.id),
    roleCode: text('role_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.roleCode] })],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    orgId: integer('org_id').notNull(),
    officerId: integer('officer_id')
      .notNull()
      .references(() => officers.id),
    stage: text('stage').notNull(),
    csrfToken: text('csrf_token').notNull(),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    /** When this session last proved the second factor (sign-in or step-up); null: never. */
    secondFactorAt: tstz('second_factor_at'),
  },
  (t) => [index('sessions_officer').on(t.officerId)],
);

/** Per-branch settings as JSON documents keyed by name (e.g. 'security'). */
export const settings = pgTable(
  'settings',
  {
    orgId: integer('org_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

/**
 * The official working-day calendar is national reference data, so it carries no org_id:
 * every branch counts statutory deadlines on the same State Council notices.
 */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  loadedAt: tstz('loaded_at').notNull().defaultNow(),
});

export const holidayCalendar = pgTable('holiday_calendar', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
});

/**
 * A statutory due date that moved when a year's holiday notice was loaded (a provisional date
 * recomputed, or a corrected notice). The owner sees it in 待办 until they acknowledge it.
 */
export const clockMoves = pgTable(
  'clock_moves',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgIdColumn(),
    /** What the clock belongs to: one of CLOCK_KINDS in common (case, proceeding, publication …). */
    clockKind: text('clock_kind').notNull(),
    targetId: bigint('target_id', { mode: 'number' }).notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    unitId: integer('unit_id').notNull(),
    /** The officer who must act on the clock, when one person owns it (a case's lead officer). */
    officerId: integer('officer_id'),
    rule: text('rule').notNull(),
    calendarYear: integer('calendar_year').notNull(),
    dueBefore: date('due_before', { mode: 'string' }).notNull(),
    dueAfter: date('due_after', { mode: 'string' }).notNull(),
    provisionalAfter: boolean('provisional_after').notNull(),
    movedAt: tstz('moved_at').notNull().defaultNow(),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by'),
  },
  (t) => [
    index('clock_moves_org_officer').on(t.orgId, t.officerId, t.acknowledgedAt),
    index('clock_moves_org_unit').on(t.orgId, t.unitId, t.acknowledgedAt),
    check('clock_moves_kind', sql.raw(`clock_kind in (${CLOCK_KINDS.map((k) => `'${k}'`).join(', ')})`)),
  ],
);

/** Versioned reference-data steps (holidays, dictionaries …), applied apart from schema migrations. */
export const dataSteps = pgTable('data_steps', {
  id: text('id').primaryKey(),
  appliedAt: tstz('applied_at').notNull().defaultNow(),
});

/**
 * Audit trail. Rows are inserted in the same transaction as the change they record and never
 * change afterwards (a trigger rejects UPDATE and DELETE). Hash-chaining happens after commit in
 * `audit_seals`, so writers never queue on a global chain head.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: integer('org_id').notNull(),
    at: tstz('at').notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    unitId: integer('unit_id'),
    unitName: text('unit_name'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull().default('success'),
    summary: jsonb('summary'),
    clientIp: text('client_ip'),
    /** The audit key that made `mac` (server/src/audit/keys.ts); null on records from before keys. */
    keyId: text('key_id'),
    /** HMAC of the record (its number included) by the transaction that wrote it. */
    mac: text('mac'),
  },
  (t) => [
    index('audit_org_at').on(t.orgId, t.at),
    index('audit_target').on(t.targetType, t.targetId),
    index('audit_actor').on(t.actorId),
  ],
);

/**
 * One seal per audit row, in chain order: hash = HMAC(audit key, prev_hash ‖ canonical(audit
 * row)); seals made before audit keys (key_id null) are sha256(prev_hash ‖ canonical(row)).
 */
export const auditSeals = pgTable('audit_seals', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' }).notNull().unique(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: tstz('sealed_at').notNull().defaultNow(),
  keyId: text('key_id'),
});

/**
 * Records written before audit keys existed and not yet sealed when the keys came (migration
 * 0016): the only records without a MAC that the sealer takes into the chain.
 */
export const auditLegacyUnsealed = pgTable('audit_legacy_unsealed', {
  auditId: bigint('audit_id', { mode: 'number' }).primaryKey(),
});
