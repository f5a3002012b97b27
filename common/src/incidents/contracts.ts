/**
 * Request and response contracts of the incidents API (警情), shared by the server (validation,
 * OpenAPI) and the web app (forms, types). Field messages are FIELD_MESSAGES keys.
 */
import { z } from 'zod';
import { PersonNameSchema, PhoneSchema } from '../personal-data/schemas.ts';
import { Id, IsoDate, Paging } from '../platform/contracts.ts';
import type { Bilingual } from '../platform/errors.ts';
import { CAMPAIGN_TAGS, INCIDENT_DISPOSALS, INCIDENT_SOURCES } from './dictionaries.ts';

export const INCIDENT_SOURCE_NAMES: Record<(typeof INCIDENT_SOURCES)[number], { zh: string; en: string }> = {
  '110': { zh: '110 报警', en: '110 call' },
  walk_in: { zh: '群众来所', en: 'Walk-in' },
  online: { zh: '网上报警', en: 'Online report' },
  transfer: { zh: '移送/转办', en: 'Transferred' },
};

export const INCIDENT_DISPOSAL_NAMES: Record<
  (typeof INCIDENT_DISPOSALS)[number],
  { zh: string; en: string }
> = {
  pending: { zh: '待处置', en: 'Pending' },
  handled_on_scene: { zh: '现场处置', en: 'Handled on scene' },
  case_opened: { zh: '已受案', en: 'Case opened' },
  no_action: { zh: '无需处理', en: 'No action needed' },
  transferred: { zh: '移交其他部门', en: 'Transferred' },
  mediated: { zh: '调解处理', en: 'Mediated' },
};

/** A timestamp with its zone (`2021-03-04T08:30:00+08:00` or `…Z`). */
export const Timestamp = z.iso.datetime({ offset: true, message: 'datetime' });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const IncidentCreateRequest = z.object({
  source: z.enum(INCIDENT_SOURCES),
  /** The id in the source system (110 接警单号); unique per branch. */
  sourceId: z.string().trim().min(1).max(64).nullable().optional(),
  receivedAt: Timestamp,
  callerName: PersonNameSchema.nullable().optional(),
  callerPhone: PhoneSchema.nullable().optional(),
  categoryCode: z.string().trim().min(1).max(32),
  place: z.string().trim().min(1).max(200),
  narrative: z.string().trim().min(1).max(4000),
  unitId: z.number().int().positive(),
  officerIds: z.array(z.number().int().positive()).max(20).default([]),
  disposal: z.enum(INCIDENT_DISPOSALS).default('pending'),
  disposalNote: optionalText(1000),
  disposedAt: Timestamp.nullable().optional(),
  cameraRecorded: z.boolean().nullable().optional(),
  cameraEvidenceRef: optionalText(200),
  tags: z.array(z.enum(CAMPAIGN_TAGS)).max(CAMPAIGN_TAGS.length).default([]),
});
export type IncidentCreateRequest = z.input<typeof IncidentCreateRequest>;

/** What may change after recording: the disposal, the camera record, the tags, the officers. */
export const IncidentUpdateRequest = z.object({
  /** The version the user saw; a stale one answers 409 CONFLICT. */
  version: z.number().int().positive(),
  disposal: z.enum(INCIDENT_DISPOSALS).optional(),
  disposalNote: optionalText(1000),
  disposedAt: Timestamp.nullable().optional(),
  cameraRecorded: z.boolean().nullable().optional(),
  cameraEvidenceRef: optionalText(200),
  tags: z.array(z.enum(CAMPAIGN_TAGS)).max(CAMPAIGN_TAGS.length).optional(),
  officerIds: z.array(z.number().int().positive()).max(20).optional(),
});
export type IncidentUpdateRequest = z.input<typeof IncidentUpdateRequest>;

export const CAMERA_FILTERS = ['yes', 'no', 'unknown'] as const;

/** The body-camera filter of the incident list. */
export const CAMERA_FILTER_NAMES: Record<(typeof CAMERA_FILTERS)[number], Bilingual> = {
  yes: { zh: '已开启', en: 'Recorded' },
  no: { zh: '未开启', en: 'Not recorded' },
  unknown: { zh: '未记录', en: 'Not stated' },
};

export const IncidentListQuery = Paging.extend({
  /** Received on or after this China Standard Time date. */
  from: IsoDate.optional(),
  /** Received on or before this China Standard Time date. */
  to: IsoDate.optional(),
  /** The unit and every unit below it. */
  unitId: Id.optional(),
  /** The category and its sub-categories. */
  categoryCode: z.string().trim().max(32).optional(),
  source: z.enum(INCIDENT_SOURCES).optional(),
  disposal: z.enum(INCIDENT_DISPOSALS).optional(),
  tag: z.enum(CAMPAIGN_TAGS).optional(),
  camera: z.enum(CAMERA_FILTERS).optional(),
  /** Words of the narrative or the place (Chinese substrings work), or an incident or source number. */
  q: z.string().trim().max(100).optional(),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

const incidentFields = {
  id: z.number(),
  incidentNo: z.string(),
  source: z.enum(INCIDENT_SOURCES),
  sourceId: z.string().nullable(),
  receivedAt: z.string(),
  /** Masked (张**, 138****5678) unless the reader may see it whole. */
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  categoryCode: z.string(),
  categoryName: z.string(),
  categoryNameEn: z.string(),
  place: z.string(),
  narrative: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  disposal: z.enum(INCIDENT_DISPOSALS),
  disposedAt: z.string().nullable(),
  cameraRecorded: z.boolean().nullable(),
  tags: z.array(z.string()),
  version: z.number(),
};

export const IncidentListItem = z.object(incidentFields);
export type IncidentListItem = z.infer<typeof IncidentListItem>;
export const IncidentListResponse = z.object({ items: z.array(IncidentListItem), total: z.number() });

export const IncidentResponse = z.object({
  ...incidentFields,
  /** The parent category (刑事 for 盗窃), when the category is a sub-category. */
  parentCategoryName: z.string().nullable(),
  parentCategoryNameEn: z.string().nullable(),
  /** Whether callerName and callerPhone are masked for this reader. */
  callerMasked: z.boolean(),
  officers: z.array(z.object({ id: z.number(), name: z.string(), badgeNo: z.string() })),
  disposalNote: z.string().nullable(),
  cameraEvidenceRef: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IncidentResponse = z.infer<typeof IncidentResponse>;

export interface IncidentCategoryNode {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  needsCase: boolean;
  cameraRequired: boolean;
  active: boolean;
  children: IncidentCategoryNode[];
}
const CategoryFields = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  needsCase: z.boolean(),
  cameraRequired: z.boolean(),
  active: z.boolean(),
});
/** Two levels: a category (刑事) and its sub-categories (盗窃, 诈骗 …). */
export const IncidentCategoryNode = CategoryFields.extend({ children: z.array(CategoryFields.extend({})) });
export const IncidentCategoryListResponse = z.object({ items: z.array(IncidentCategoryNode) });

// ---- bulk import of a 110 export -----------------------------------------------------------------

/**
 * The fields an import maps file columns to. `aliases` are header texts of common 110 exports,
 * used to propose a mapping; the user confirms or changes it.
 */
export const INCIDENT_IMPORT_FIELDS = [
  {
    key: 'sourceId',
    required: true,
    zh: '接警单编号',
    en: 'Source id',
    aliases: ['警情编号', '接警编号', '接警单号', '警单编号', '来源编号', 'source id', 'sourceid'],
  },
  {
    key: 'receivedAt',
    required: true,
    zh: '接警时间',
    en: 'Received at',
    aliases: ['报警时间', '接报时间', '受理时间', 'received at', 'receivedat', 'time'],
  },
  {
    key: 'callerName',
    required: false,
    zh: '报警人',
    en: 'Caller',
    aliases: ['报警人姓名', '报警人员', '联系人', 'caller', 'caller name'],
  },
  {
    key: 'callerPhone',
    required: false,
    zh: '联系电话',
    en: 'Caller phone',
    aliases: ['报警电话', '报警人电话', '联系方式', '电话', 'phone', 'caller phone'],
  },
  {
    key: 'category',
    required: true,
    zh: '警情类别',
    en: 'Category',
    aliases: ['警情类型', '类别', '案由', '警情性质', 'category'],
  },
  {
    key: 'place',
    required: true,
    zh: '发生地点',
    en: 'Place',
    aliases: ['事发地点', '发案地点', '地点', '报警地址', '地址', 'place', 'address'],
  },
  {
    key: 'narrative',
    required: true,
    zh: '简要警情',
    en: 'Narrative',
    aliases: ['报警内容', '警情内容', '简要案情', '警情描述', '内容', 'narrative', 'description'],
  },
  {
    key: 'unit',
    required: true,
    zh: '管辖单位',
    en: 'Unit',
    aliases: ['处警单位', '管辖单位代码', '单位代码', '单位', '责任单位', 'unit', 'unit code'],
  },
  { key: 'source', required: false, zh: '警情来源', en: 'Source', aliases: ['报警方式', '来源', 'source'] },
  {
    key: 'disposal',
    required: false,
    zh: '处理结果',
    en: 'Disposal',
    aliases: ['处警结果', '处置结果', '处理情况', 'disposal'],
  },
  {
    key: 'disposalNote',
    required: false,
    zh: '处理说明',
    en: 'Disposal note',
    aliases: ['处警情况', '处置情况', '反馈内容', 'disposal note'],
  },
  {
    key: 'disposedAt',
    required: false,
    zh: '处理时间',
    en: 'Disposed at',
    aliases: ['处警时间', '反馈时间', '处置时间', 'disposed at'],
  },
  {
    key: 'cameraRecorded',
    required: false,
    zh: '执法记录仪',
    en: 'Body camera',
    aliases: ['是否开启执法记录仪', '记录仪', 'camera', 'body camera'],
  },
  {
    key: 'cameraEvidenceRef',
    required: false,
    zh: '视音频编号',
    en: 'Camera evidence ref',
    aliases: ['执法记录仪编号', '视频编号', 'evidence ref'],
  },
  { key: 'tags', required: false, zh: '专项标签', en: 'Campaign tags', aliases: ['标签', '专项', 'tags'] },
] as const;
export type IncidentImportField = (typeof INCIDENT_IMPORT_FIELDS)[number]['key'];
export const INCIDENT_IMPORT_FIELD_KEYS = INCIDENT_IMPORT_FIELDS.map((f) => f.key) as [
  IncidentImportField,
  ...IncidentImportField[],
];

/** Field → the header text of the file column it is read from (absent: not imported). */
export const IncidentImportMapping = z.partialRecord(
  z.enum(INCIDENT_IMPORT_FIELD_KEYS),
  z.string().trim().min(1).max(100),
);
export type IncidentImportMapping = z.infer<typeof IncidentImportMapping>;

export const IncidentImportColumnsResponse = z.object({
  fileName: z.string(),
  columns: z.array(z.string()),
  /** The first few data rows, as text, in column order. */
  sample: z.array(z.array(z.string())),
  /** The mapping proposed from the header texts. */
  suggested: IncidentImportMapping,
});

export const IMPORT_JOB_STATUSES = ['validating', 'loading', 'done', 'failed'] as const;

/** An import job, as its progress reads. */
export const IMPORT_JOB_STATUS_NAMES: Record<(typeof IMPORT_JOB_STATUSES)[number], Bilingual> = {
  validating: { zh: '正在逐行校验…', en: 'Checking every row…' },
  loading: { zh: '正在写入数据库…', en: 'Writing to the database…' },
  done: { zh: '导入完成', en: 'Import finished' },
  failed: { zh: '导入未完成', en: 'Import not completed' },
};
export const IncidentImportStartResponse = z.object({ jobId: z.string() });
export const IncidentImportJobResponse = z.object({
  jobId: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  /** Rows validated (while validating) or loaded (while loading). */
  processed: z.number(),
  total: z.number(),
  imported: z.number().optional(),
  firstNo: z.string().nullable().optional(),
  lastNo: z.string().nullable().optional(),
  /** When failed: the error code (IMPORT_INVALID, DUPLICATE, INTERNAL …) and its message. */
  code: z.string().optional(),
  message: z.string().optional(),
  /** When failed on rows: every problem by row number (as the file shows it). */
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })).optional(),
  /** How many row problems there were; `errors` lists the first 500. */
  errorCount: z.number().optional(),
  /** When the file itself was refused (empty, too many rows): the field messages. */
  fields: z.record(z.string(), z.string()).optional(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type IncidentImportJobResponse = z.infer<typeof IncidentImportJobResponse>;
