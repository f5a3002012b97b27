/**
 * Contracts of the report metrics API: a metric's value for a period (computed from records or
 * taken from an accepted submission), its source detail, and the records behind it.
 */
import { z } from 'zod';
import { Paging } from '../platform/contracts.ts';
import { METRIC_PERIODS } from './catalogue.ts';

/** '2021' (a year) or '2021-Q3' (a quarter), in China Standard Time. */
export const MetricPeriodParam = z
  .string()
  .trim()
  .regex(/^(19|20)\d\d(-Q[1-4])?$/, { message: 'report.period' });
export type MetricPeriodParam = z.infer<typeof MetricPeriodParam>;

export const METRIC_VALUE_STATUSES = ['computed', 'submitted', 'missing'] as const;
export type MetricValueStatus = (typeof METRIC_VALUE_STATUSES)[number];

/** A metric's value for a period; a rate's value is derived from its parts, never stored. */
export const MetricValue = z.object({
  id: z.string(),
  value: z.number().nullable(),
  status: z.enum(METRIC_VALUE_STATUSES),
  /** The accepted submission the value came from (submitted metrics). */
  submissionId: z.number().optional(),
  /** 同比: the same period a year before. */
  previous: z.number().nullable(),
  /** (value − previous) / previous; null when either is missing or previous is 0. */
  change: z.number().nullable(),
});
export type MetricValue = z.infer<typeof MetricValue>;

const MetricSourceSchema = z.union([
  z.object({ kind: z.literal('computed'), records: z.string() }),
  z.object({
    kind: z.literal('submitted'),
    ownerUnitCode: z.string(),
    ownerName: z.string(),
    note: z.string().optional(),
  }),
]);

export const MetricDefSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  definition: z.string(),
  unit: z.string(),
  period: z.enum(METRIC_PERIODS),
  periodNote: z.string().optional(),
  section: z.string(),
  source: MetricSourceSchema,
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  partOf: z.string().optional(),
});

export const MetricItem = MetricDefSchema.extend(MetricValue.shape);
export type MetricItem = z.infer<typeof MetricItem>;

export const MetricListQuery = z.object({
  period: MetricPeriodParam,
  /** Comma list of metric ids; all when absent. */
  ids: z.string().trim().max(20000).optional(),
});
export type MetricListQuery = z.infer<typeof MetricListQuery>;

export const MetricListResponse = z.object({ items: z.array(MetricItem), total: z.number() });
export type MetricListResponse = z.infer<typeof MetricListResponse>;

/** Where a submitted value came from: the form, the department, who signed and accepted it. */
export const MetricSubmissionDetail = z.object({
  submissionId: z.number(),
  roundId: z.number(),
  roundTitle: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  note: z.string(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});
export type MetricSubmissionDetail = z.infer<typeof MetricSubmissionDetail>;

export const MetricDetailResponse = MetricItem.extend({
  period: z.enum(METRIC_PERIODS),
  /** The period asked for ('2021' / '2021-Q3'). */
  forPeriod: z.string(),
  submission: MetricSubmissionDetail.nullable(),
  /** For a rate: the values of its numerator and denominator. */
  parts: z.array(MetricValue),
});
export type MetricDetailResponse = z.infer<typeof MetricDetailResponse>;

export const MetricRecordsQuery = Paging.extend({ period: MetricPeriodParam });
export type MetricRecordsQuery = z.infer<typeof MetricRecordsQuery>;

export const MetricRecordsResponse = z.object({
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  items: z.array(z.record(z.string(), z.unknown())),
  total: z.number(),
});
export type MetricRecordsResponse = z.infer<typeof MetricRecordsResponse>;

export const MetricTableQuery = z.object({
  period: MetricPeriodParam,
  ids: z.string().trim().min(1).max(20000),
});
export type MetricTableQuery = z.infer<typeof MetricTableQuery>;
