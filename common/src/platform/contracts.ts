/**
 * Request and response contracts of the platform API, shared by server (validation and
 * OpenAPI) and web (forms and types). Field messages are keys of FIELD_MESSAGES.
 */
import { z } from 'zod';
import { AUDIT_PROBLEM_KINDS } from '../audit/problems.ts';
import { isValidIsoDate } from '../calendar/iso-date.ts';
import { DATA_SCOPES, PERMISSIONS, ROLE_CODES } from './permissions.ts';
import { PERSONNEL_KINDS } from './personnel.ts';

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A calendar date that exists: `2021-02-30` is refused here, where the field can be named, not
 * by the database (a 500) or by Date arithmetic (silently 2021-03-02).
 */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_SHAPE, { message: 'date' })
  .refine((s) => !ISO_DATE_SHAPE.test(s) || isValidIsoDate(s), { message: 'date.impossible' });
export const Id = z.coerce.number().int().positive();
export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    rows: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })).optional(),
  }),
});

export const OkResponse = z.object({ ok: z.literal(true) });

// ---- organisation -------------------------------------------------------------------------

export const UNIT_KINDS = ['branch', 'detachment', 'brigade', 'station', 'police_area', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_NAMES: Record<UnitKind, { zh: string; en: string }> = {
  branch: { zh: '分局', en: 'Branch' },
  detachment: { zh: '支队', en: 'Detachment' },
  brigade: { zh: '大队', en: 'Brigade' },
  station: { zh: '派出所', en: 'Police station' },
  police_area: { zh: '警务区', en: 'Police area' },
  office: { zh: '机关科室', en: 'Office' },
};

export const UnitResponse = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  caseHandling: z.boolean(),
  active: z.boolean(),
});
export type UnitResponse = z.infer<typeof UnitResponse>;
export const UnitListResponse = z.object({ items: z.array(UnitResponse) });

export const UnitCreateRequest = z.object({
  parentId: z.number().int().positive(),
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(2).max(64),
  kind: z.enum(UNIT_KINDS),
  caseHandling: z.boolean().default(false),
});
export type UnitCreateRequest = z.infer<typeof UnitCreateRequest>;
export const UnitUpdateRequest = UnitCreateRequest.partial().extend({ active: z.boolean().optional() });
export type UnitUpdateRequest = z.infer<typeof UnitUpdateRequest>;

export const QUALIFICATION_LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];
export const QUALIFICATION_NAMES: Record<QualificationLevel, { zh: string; en: string }> = {
  basic: { zh: '基本级', en: 'Basic' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  advanced: { zh: '高级', en: 'Advanced' },
};

export const Username = z.string().regex(/^[A-Za-z0-9_]{3,32}$/, { message: 'username' });
export const BadgeNo = z.string().regex(/^\d{6}$/, { message: 'badgeNo' });

export const OfficerResponse = z.object({
  id: z.number(),
  badgeNo: z.string(),
  name: z.string(),
  username: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  roles: z.array(z.enum(ROLE_CODES)),
  qualificationLevel: z.enum(QUALIFICATION_LEVELS).nullable(),
  qualificationDate: IsoDate.nullable(),
  legalProfessionQualified: z.boolean(),
  legalOfficer: z.boolean(),
  legalOfficerSince: IsoDate.nullable(),
  personnelKind: z.enum(PERSONNEL_KINDS),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** In service from / until (left: set when the account was deactivated). */
  joinedOn: IsoDate.nullable(),
  leftOn: IsoDate.nullable(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
});
export type OfficerResponse = z.infer<typeof OfficerResponse>;
export const OfficerListQuery = Paging.extend({
  unitId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLE_CODES).optional(),
  /** Pickers of officers (出警民警, co-officers …) ask for `police`. */
  kind: z.enum(PERSONNEL_KINDS).optional(),
});
export const OfficerListResponse = z.object({ items: z.array(OfficerResponse), total: z.number() });

/** An officer's editable fields, without defaults: an update changes only the fields it sends. */
const OfficerFields = z.object({
  badgeNo: BadgeNo,
  name: z.string().trim().min(2).max(32),
  unitId: z.number().int().positive(),
  qualificationLevel: z.enum(QUALIFICATION_LEVELS).nullable(),
  qualificationDate: IsoDate.nullable(),
  legalProfessionQualified: z.boolean(),
  legalOfficer: z.boolean(),
  legalOfficerSince: IsoDate.nullable(),
  personnelKind: z.enum(PERSONNEL_KINDS),
  phone: z.string().trim().nullable(),
  /** In service since (counts in 执法人员总数 from then on); unknown when null. */
  joinedOn: IsoDate.nullable(),
});
const f = OfficerFields.shape;
export const OfficerCreateRequest = OfficerFields.extend({
  username: Username,
  password: z.string().min(1),
  qualificationLevel: f.qualificationLevel.default(null),
  qualificationDate: f.qualificationDate.default(null),
  legalProfessionQualified: f.legalProfessionQualified.default(false),
  legalOfficer: f.legalOfficer.default(false),
  legalOfficerSince: f.legalOfficerSince.default(null),
  personnelKind: f.personnelKind.default('police'),
  phone: f.phone.default(null),
  joinedOn: f.joinedOn.default(null),
});
export type OfficerCreateRequest = z.infer<typeof OfficerCreateRequest>;
/** Deactivating (active: false) records the leaving date (left_on, today); reactivating clears it. */
export const OfficerUpdateRequest = OfficerFields.partial().extend({ active: z.boolean().optional() });
export type OfficerUpdateRequest = z.infer<typeof OfficerUpdateRequest>;
export const OfficerRolesRequest = z.object({ roles: z.array(z.enum(ROLE_CODES)) });
/** A reset password is generated by the server, shown once to the administrator, and good for one sign-in. */
export const PasswordResetResponse = z.object({
  officer: OfficerResponse,
  oneTimePassword: z.string(),
});
export type PasswordResetResponse = z.infer<typeof PasswordResetResponse>;

export const RoleResponse = z.object({
  code: z.enum(ROLE_CODES),
  nameZh: z.string(),
  nameEn: z.string(),
  scope: z.enum(DATA_SCOPES),
  requiresTotp: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
  members: z.number(),
});
export type RoleResponse = z.infer<typeof RoleResponse>;
export const RoleListResponse = z.object({
  items: z.array(RoleResponse),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export const RoleUpdateRequest = z.object({
  requiresTotp: z.boolean().optional(),
  scope: z.enum(DATA_SCOPES).optional(),
  permissions: z.array(z.enum(PERMISSIONS)).optional(),
});

export const ImportResponse = z.object({ imported: z.number() });

// ---- sign-in and account --------------------------------------------------------------------

export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const TotpRequest = z.object({ code: z.string().trim().min(6).max(32) });

export const MeResponse = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  badgeNo: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  roles: z.array(z.enum(ROLE_CODES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  scope: z.enum(DATA_SCOPES),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  passwordExpiresAt: z.string().nullable(),
  passwordExpired: z.boolean(),
  /** Signed in with a one-time password an administrator reset: only changing it is allowed. */
  mustChangePassword: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;
export const LoginResponse = z.union([
  z.object({ user: MeResponse }),
  z.object({ secondFactor: z.enum(['totp', 'enrol']) }),
]);

export const PasswordChangeRequest = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(1),
});
/** Step-up: a 6-digit code of the authenticator (a recovery code is for signing in, not for this). */
export const StepUpRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'invalid' }),
});
/** The session's second factor is proven as of `secondFactorAt` (step-up before a full ID number). */
export const StepUpResponse = z.object({ secondFactorAt: z.string() });
export const TotpSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const TotpEnableRequest = z.object({ code: z.string().regex(/^\d{6}$/, { message: 'invalid' }) });
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const TotpDisableRequest = z.object({ password: z.string().min(1) });

export const SecuritySettings = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  lockoutThreshold: z.number().int().min(1).max(100),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleTimeoutMinutes: z.number().int().min(1).max(480),
  /** How long a verification code entered in this session lets the user see full ID numbers. */
  stepUpMinutes: z.number().int().min(1).max(480),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  passwordMinLength: 8,
  passwordMaxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  stepUpMinutes: 15,
};

// ---- calendar ---------------------------------------------------------------------------------

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CalendarDay = z.object({
  date: IsoDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().trim().min(1).max(32),
});
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarYearResponse = z.object({
  year: z.number(),
  source: z.string(),
  holidays: z.number(),
  workdays: z.number(),
  loadedAt: z.string(),
});
export const CalendarYearListResponse = z.object({ items: z.array(CalendarYearResponse) });
export const CalendarDaysResponse = z.object({
  year: z.number(),
  /** The year's notice is not loaded: the items are the statutory holidays deadlines count on. */
  provisional: z.boolean(),
  items: z.array(CalendarDay),
});
export type CalendarDaysResponse = z.infer<typeof CalendarDaysResponse>;
/** Loading a year's State Council notice: every holiday and make-up working day of the year. */
export const CalendarYearLoadRequest = z.object({
  year: z.number().int().min(2004).max(2100),
  source: z.string().trim().min(1).max(100),
  days: z.array(CalendarDay).min(1),
});
/**
 * A notice loaded: the provisional (暂定) or affected statutory due dates were counted again;
 * `moved` of them changed date and their owners see it in 待办.
 */
export const CalendarLoadResponse = z.object({
  year: z.number(),
  recounted: z.number(),
  moved: z.number(),
});
export type CalendarLoadResponse = z.infer<typeof CalendarLoadResponse>;
export const CalendarImportResponse = CalendarLoadResponse.extend({ imported: z.number() });
export type CalendarImportResponse = z.infer<typeof CalendarImportResponse>;
export const DeadlineQuery = z.object({
  from: IsoDate,
  workdays: z.coerce.number().int().min(0).max(3650).optional(),
  days: z.coerce.number().int().min(0).max(3650).optional(),
  custody: z.enum(['true', 'false']).optional(),
});
export const DeadlineResponse = z.object({
  due: IsoDate,
  /**
   * True when the count reached a year whose State Council holiday notice is not loaded: counted
   * on the statutory holidays only (no 调休) and shown as 暂定 until the notice is loaded.
   */
  provisional: z.boolean(),
});
export type DeadlineResponse = z.infer<typeof DeadlineResponse>;

// ---- audit -------------------------------------------------------------------------------------

export const AuditQuery = Paging.extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
});
export const AuditRecordResponse = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target as people know it (张三 (u500004), a case number …); null when it is gone. */
  targetName: z.string().nullable(),
  outcome: z.enum(['success', 'failure']),
  summary: z.unknown(),
  clientIp: z.string().nullable(),
  sealed: z.boolean(),
});
export type AuditRecordResponse = z.infer<typeof AuditRecordResponse>;
export const AuditListResponse = z.object({ items: z.array(AuditRecordResponse), total: z.number() });
export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Sealed records that verified. */
  checked: z.number(),
  /** Records just written, not sealed yet. */
  pending: z.number(),
  /** Every altered, deleted or inserted record, in record order (the first 1000). */
  problems: z.array(z.object({ kind: z.enum(AUDIT_PROBLEM_KINDS), auditId: z.number() })),
  problemCount: z.number(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

// ---- tasks and health ------------------------------------------------------------------------------

export const TaskResponse = z.object({
  id: z.string(),
  module: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  due: z.string().nullable(),
  severity: z.enum(['info', 'warning', 'overdue']),
  link: z.string().nullable(),
  /** The due date is provisional (暂定): counted before the year's holiday notice was loaded. */
  dueProvisional: z.boolean().optional(),
  /** A notice the user can dismiss: POST here (e.g. a deadline moved by a holiday notice). */
  dismiss: z.string().optional(),
});
export type TaskResponse = z.infer<typeof TaskResponse>;
export const TaskListResponse = z.object({ items: z.array(TaskResponse) });

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});

// ---- statutory clocks (legal rules) -------------------------------------------------------------

export const CLOCK_UNITS = ['hours', 'calendar_days', 'working_days', 'months'] as const;
export const LegalRuleResponse = z.object({
  id: z.number(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  amount: z.number(),
  unit: z.enum(CLOCK_UNITS),
  custody: z.boolean(),
  effectiveFrom: IsoDate,
  citation: z.string(),
  unconfirmed: z.boolean(),
  /** An extension rule: how many times it may be granted (null: once). */
  maxTimes: z.number().nullable(),
  /** A case period that does not count the days of a 听证. */
  hearingExcluded: z.boolean(),
  /** Whether this version is the one in force today. */
  inForce: z.boolean(),
});
export type LegalRuleResponse = z.infer<typeof LegalRuleResponse>;
export const LegalRuleListResponse = z.object({ items: z.array(LegalRuleResponse) });
/** A revised law adds a version of the rule from its effective date; earlier clocks keep theirs. */
export const LegalRuleVersionRequest = z.object({
  code: z.string().min(1).max(64),
  amount: z.number().int().min(1).max(3650),
  unit: z.enum(CLOCK_UNITS),
  custody: z.boolean().default(false),
  effectiveFrom: IsoDate,
  citation: z.string().trim().min(2).max(200),
  unconfirmed: z.boolean().default(false),
  maxTimes: z.number().int().min(1).max(10).nullable().default(null),
  hearingExcluded: z.boolean().default(false),
});
export type LegalRuleVersionRequest = z.infer<typeof LegalRuleVersionRequest>;
