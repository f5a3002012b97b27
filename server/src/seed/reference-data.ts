import { createRequire } from 'node:module';
import type { CalendarDay } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { dataSteps, orgs } from '../db/schema/index.ts';
import { loadNotice } from '../modules/clocks/notice.service.ts';
import { seedEvaluationDefaults } from '../modules/evaluation/defaults.ts';
import { mergeBuiltInGeneralRules, seedLawRegister } from '../modules/law/register.service.ts';
import { withdrawExcludedPublications } from '../modules/publicity/withdraw-excluded.ts';
import { seedSupervisionDefaults } from '../modules/supervision/defaults.ts';
import { seedLegalRules, seedOrgDictionaries, syncBuiltInRolePermissions } from './dictionaries.ts';

const require = createRequire(import.meta.url);

/** The State Council notices 2004–2026 as packaged by chinese-days ("English,中文,n" values). */
function chineseDaysByYear(): Map<number, CalendarDay[]> {
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const byYear = new Map<number, CalendarDay[]>();
  const add = (date: string, kind: CalendarDay['kind'], label: string) => {
    const year = Number(date.slice(0, 4));
    const name = label.split(',')[1] ?? label;
    byYear.set(year, [...(byYear.get(year) ?? []), { date, kind, name }]);
  };
  for (const [d, l] of Object.entries(data.holidays)) add(d, 'holiday', l);
  for (const [d, l] of Object.entries(data.workdays)) add(d, 'workday', l);
  return byYear;
}

interface DataStep {
  id: string;
  apply(db: Db): Promise<void>;
}

/**
 * Versioned reference-data steps, applied once each after the schema migrations. A new step is
 * appended with a new id; a landed step is never edited.
 */
const STEPS: DataStep[] = [
  {
    id: '2026-11-holidays-2004-2026',
    async apply(db) {
      for (const [year, days] of [...chineseDaysByYear()].sort((a, b) => a[0] - b[0])) {
        await loadNotice(null, db, {
          year,
          source: `国务院办公厅 ${year} 年部分节假日安排的通知（chinese-days 数据）`,
          days,
        });
      }
    },
  },
  {
    id: '2026-11-enforcement-core',
    async apply(db) {
      await seedLegalRules(db);
      for (const org of await db.select({ id: orgs.id }).from(orgs)) await seedOrgDictionaries(db, org.id);
      await syncBuiltInRolePermissions(db);
    },
  },
  {
    id: '2026-11-supervision',
    async apply(db) {
      for (const org of await db.select({ id: orgs.id }).from(orgs)) {
        await seedSupervisionDefaults(db, org.id);
        await seedEvaluationDefaults(db, org.id);
      }
      await syncBuiltInRolePermissions(db);
    },
  },
  {
    id: '2026-11-annual-report',
    async apply(db) {
      await syncBuiltInRolePermissions(db);
    },
  },
  {
    // The law register: 治安管理处罚法 2012 and 2025 with the offences the demo branch meets.
    id: '2026-12-law-register',
    async apply(db) {
      await seedLawRegister(db);
    },
  },
  {
    // New statutory clocks (不捕 / 不诉 复议 and 复核, 通知立案, 不立案理由, 撤案 notice, the 复议 /
    // 复核 extension) and the 2021 version of publicity_withdraw reach databases seeded before
    // them; versions already there, or corrected by an administrator, are kept.
    id: '2026-12-procuratorate-clocks',
    async apply(db) {
      await seedLegalRules(db);
    },
  },
  {
    // Issue 11: published records (and pending tasks) the publicity exclusions now forbid — a
    // minor at the act, 卖淫嫖娼 / 吸毒 and other privacy categories, 治安 records sealed by the 2025
    // law — are withdrawn with their grounds, each audited by the system.
    id: '2026-12-publicity-exclusions',
    async apply(db) {
      await withdrawExcludedPublications(db);
    },
  },
  {
    // Issue 11: the 告知 / 听证 / 送达 clocks (hearing_request, penalty_decision_service,
    // zhian_decision_service) and the hearing thresholds of both 治安管理处罚法 versions.
    id: '2026-12-penalty-procedure',
    async apply(db) {
      await seedLegalRules(db);
      await mergeBuiltInGeneralRules(db);
    },
  },
  {
    // Issue 11: the 7 days to respond to a 告知 by public notice (程序规定 art.168).
    id: '2026-12-public-notice',
    async apply(db) {
      await seedLegalRules(db);
    },
  },
];

export async function applyDataSteps(db: Db): Promise<string[]> {
  const applied: string[] = [];
  for (const step of STEPS) {
    await db.transaction(async (tx) => {
      const [done] = await tx.select().from(dataSteps).where(eq(dataSteps.id, step.id));
      if (done) return;
      await step.apply(tx as unknown as Db);
      await tx.insert(dataSteps).values({ id: step.id });
      applied.push(step.id);
    });
  }
  return applied;
}
