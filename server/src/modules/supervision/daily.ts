import { hostname } from 'node:os';
import { addDays, chinaToday, DEFAULT_SUPERVISION_SETTINGS, SupervisionSettings } from '@fazhi/common';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/index.ts';
import { rows } from '../../db/index.ts';
import { settings } from '../../db/schema/index.ts';

/**
 * Daily jobs scheduled inside the server (the supervision scan, the body-camera sample, the
 * call-back tasks). Each job runs once per branch and China-time day however many server
 * instances are up: an instance claims the (org, job, day) row of `daily_job_runs` by inserting
 * it, and only the instance whose insert wins runs the job. A claim left `running` by a crashed
 * instance is taken over after two hours; a failed run is retried after fifteen minutes.
 */
export interface DailyJob {
  name: string;
  /** Jobs run by ascending order (default 100): the scan (900) after the samples it reads. */
  order?: number;
  /** Runs the job for `day` (China time), in transactions of its own; returns a summary. */
  run(db: Db, orgId: number, day: string): Promise<Record<string, unknown>>;
}

const jobs: DailyJob[] = [];

export function registerDailyJob(job: DailyJob) {
  if (jobs.some((j) => j.name === job.name)) return;
  jobs.push(job);
  jobs.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

export const dailyJobs = (): readonly DailyJob[] => jobs;

export const INSTANCE = `${hostname()}:${process.pid}`;

export async function readSupervisionSettings(db: Queryable, orgId: number): Promise<SupervisionSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.orgId, orgId), eq(settings.key, 'supervision')));
  const parsed = SupervisionSettings.safeParse({
    ...DEFAULT_SUPERVISION_SETTINGS,
    ...(row?.value as object),
  });
  return parsed.success ? parsed.data : DEFAULT_SUPERVISION_SETTINGS;
}

/** Claims one job's day; true when this instance won it and must run it. */
async function claim(db: Db, orgId: number, job: string, day: string, instance: string): Promise<boolean> {
  const won = await rows<{ job: string }>(
    db,
    sql`insert into daily_job_runs (org_id, job, day, status, instance)
        values (${orgId}, ${job}, ${day}, 'running', ${instance})
        on conflict (org_id, job, day) do update
          set status = 'running', started_at = now(), finished_at = null, error = null,
              instance = excluded.instance
          where (daily_job_runs.status = 'running' and daily_job_runs.started_at < now() - interval '2 hours')
             or (daily_job_runs.status = 'failed' and daily_job_runs.finished_at < now() - interval '15 minutes')
        returning job`,
  );
  return won.length === 1;
}

export interface DailyRunResult {
  job: string;
  ran: boolean;
  result?: Record<string, unknown>;
  error?: string;
}

/** Runs every job of `day` this instance can claim. Safe to call from any number of instances. */
export async function runDailyJobs(
  db: Db,
  orgId: number,
  day: string,
  instance = INSTANCE,
): Promise<DailyRunResult[]> {
  const out: DailyRunResult[] = [];
  for (const job of jobs) {
    if (!(await claim(db, orgId, job.name, day, instance))) {
      out.push({ job: job.name, ran: false });
      continue;
    }
    try {
      const result = await job.run(db, orgId, day);
      await db.execute(
        sql`update daily_job_runs set status = 'done', finished_at = now(), result = ${JSON.stringify(result)}::jsonb
            where org_id = ${orgId} and job = ${job.name} and day = ${day}`,
      );
      out.push({ job: job.name, ran: true, result });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`daily job ${job.name} (${day}) failed`, e);
      await db.execute(
        sql`update daily_job_runs set status = 'failed', finished_at = now(), error = ${message}
            where org_id = ${orgId} and job = ${job.name} and day = ${day}`,
      );
      out.push({ job: job.name, ran: true, error: message });
    }
  }
  return out;
}

/** China-time hour of an instant. */
const chinaHour = (now: Date) => (now.getUTCHours() + 8) % 24;

/**
 * Checks once a minute whether the day's jobs are due (after `dailyHour` China time) and runs
 * those no instance has claimed. Returns a stop function.
 */
export function startDailyScheduler(db: Db, orgId: number, everyMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = async () => {
    if (running) return;
    const now = new Date();
    const { dailyHour } = await readSupervisionSettings(db, orgId);
    if (chinaHour(now) < dailyHour) return;
    running = runDailyJobs(db, orgId, chinaToday(now))
      .catch((e: unknown) => console.error('daily jobs failed', e))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(() => void tick().catch(() => undefined), everyMs);
  void tick().catch(() => undefined);
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** The day before `day` (the day whose incidents the daily samples draw from). */
export const previousDay = (day: string) => addDays(day, -1);
