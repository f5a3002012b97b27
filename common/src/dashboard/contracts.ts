/**
 * Contracts of the enforcement dashboard (执法态势): incidents and cases by unit, status and
 * clock, scoped to what the reader may see.
 *
 *   GET /api/dashboard/enforcement   dashboard.read   DashboardQuery (query) → DashboardResponse
 *
 * Incident and case figures count records received between `from` and `to` (China Standard
 * Time dates, both included); clocks and review queues are what stands open today, whatever
 * the range, because they are work to do now.
 */
import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, GATES } from '../cases/workflow.ts';
import { Id, IsoDate } from '../platform/contracts.ts';

/** The longest range one request may span: enough for a few years' comparison. */
export const DASHBOARD_MAX_DAYS = 3 * 366;

export const DashboardQuery = z.object({
  /** First day (CST), default: a year before `to`. */
  from: IsoDate.optional(),
  /** Last day (CST), default: today. */
  to: IsoDate.optional(),
  /** Narrow to one unit and the units below it (within the reader's scope). */
  unitId: Id.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const UnitRef = { unitId: z.number(), unitName: z.string() };

export const DashboardKpis = z.object({
  incidents: z.number(),
  /** The same range a year earlier, for the year-over-year change. */
  incidentsLastYear: z.number(),
  cases: z.number(),
  casesLastYear: z.number(),
  /** Incidents of the range that became a case. */
  incidentsToCases: z.number(),
  /** Cases waiting at a review gate now. */
  inReview: z.number(),
  /** Open clocks (cases, side proceedings, publicity tasks) past their due date now. */
  overdue: z.number(),
  dueToday: z.number(),
  /** Decisions of the range (administrative and criminal, notices included). */
  decisions: z.number(),
  /** Sum of the fines decided in the range, yuan. */
  fineTotal: z.number(),
});
export type DashboardKpis = z.infer<typeof DashboardKpis>;

export const DashboardResponse = z.object({
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  kpis: DashboardKpis,
  /** Top-level categories (刑事, 治安 …) in dictionary order. */
  categories: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  /** Per month (YYYY-MM, CST) and top-level category. */
  incidentsByMonth: z.array(z.object({ month: z.string(), category: z.string(), count: z.number() })),
  /** The same months a year earlier, totals only (for the comparison line). */
  incidentsByMonthLastYear: z.array(z.object({ month: z.string(), count: z.number() })),
  incidentsByCategory: z.array(z.object({ category: z.string(), count: z.number() })),
  /** Campaign tags (涉疫, 涉企, 反诈 …). */
  incidentsByTag: z.array(z.object({ tag: z.string(), count: z.number() })),
  /** The 20 units with the most incidents. */
  incidentsByUnit: z.array(z.object({ ...UnitRef, count: z.number() })),
  casesByStatus: z.array(z.object({ status: z.enum(CASE_STATUSES), count: z.number() })),
  casesByType: z.array(z.object({ caseType: z.enum(CASE_TYPES), count: z.number() })),
  /** The 20 units with the most cases, each with its count per status. */
  casesByUnit: z.array(
    z.object({
      ...UnitRef,
      total: z.number(),
      byStatus: z.array(z.object({ status: z.enum(CASE_STATUSES), count: z.number() })),
    }),
  ),
  /** Open clocks by unit, worst first: due today, due within the next 3 days, overdue. */
  clocksByUnit: z.array(
    z.object({ ...UnitRef, dueToday: z.number(), dueSoon: z.number(), overdue: z.number() }),
  ),
  /** Open clocks by what runs them. */
  clocksBySource: z.array(
    z.object({
      source: z.enum(['case', 'proceeding', 'publicity']),
      dueToday: z.number(),
      dueSoon: z.number(),
      overdue: z.number(),
    }),
  ),
  /** Cases waiting at each gate now (the officer's gate is the submission, never a queue). */
  reviewQueue: z.array(z.object({ gate: z.enum(GATES), count: z.number() })),
  publicity: z.object({
    /** Tasks due in the range that are published or past due. */
    due: z.number(),
    onTime: z.number(),
    late: z.number(),
    /** Still pending past the due date. */
    overdue: z.number(),
    /** onTime / due, null when nothing was due. */
    onTimeRate: z.number().nullable(),
    /** Published in the range. */
    published: z.number(),
    pending: z.number(),
  }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
