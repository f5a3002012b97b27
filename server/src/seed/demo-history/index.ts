/**
 * The demo branch's enforcement history: a full year of incidents and cases up to today (the
 * real today, so the demo always looks current), the year before it for year-over-year
 * figures, and lighter years back to 2021 (the epidemic years' 涉疫 records). Deterministic:
 * one seeded PRNG, so every fresh demo database holds the same history relative to its day.
 *
 * Written straight into the tables in multi-row chunks, without audit records: this is bootstrap
 * data describing what happened before the system was used, not acts of its users.
 */
import { seededRandom } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import {
  incidentCategories,
  officerRoles,
  officers,
  orgs,
  penaltyItems,
  units,
} from '../../db/schema/index.ts';
import { ClockBook } from '../../modules/platform/clocks.ts';
import { type SeedProgress, silentProgress } from '../progress.ts';
import {
  type CasePlan,
  cstDate,
  cstInstant,
  DAY,
  HISTORY_START,
  HOUR,
  type Staff,
  simulate,
} from './cases.ts';
import {
  becomesCase,
  CATEGORY_MIX,
  type CaseDraft,
  caseFor,
  type IncidentDraft,
  narrativeFor,
} from './plan.ts';
import { scriptedCases } from './script.ts';
import {
  between,
  companyName,
  mobile,
  personName,
  pick,
  place,
  type Street,
  stationStreet,
  weighted,
} from './text.ts';
import { writeWorld } from './write.ts';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: string;
}
export interface OfficerRef {
  id: number;
  unitId: number;
  name: string;
  username: string;
  level: string | null;
  roles: string[];
}

/** Everything the generator reads from the branch as demo.ts created it. */
export interface Refs {
  orgName: string;
  units: Map<string, UnitRef>;
  unitsById: Map<number, UnitRef>;
  officers: Map<number, OfficerRef>;
  byUsername: Map<string, OfficerRef>;
  staff(unitCode: string): Staff;
  legal: number[];
  branchHead: number[];
  items: Map<string, { name: string; law: string; article: string; caseType: string }>;
  categories: Set<string>;
  streets: Map<string, Street>;
}

async function loadRefs(db: Queryable, orgId: number): Promise<Refs> {
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  const unitRows = await db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
    .from(units)
    .where(eq(units.orgId, orgId));
  const officerRows = await db
    .select({
      id: officers.id,
      unitId: officers.unitId,
      name: officers.name,
      username: officers.username,
      level: officers.qualificationLevel,
    })
    .from(officers)
    .where(eq(officers.orgId, orgId));
  const roleRows = await db.select().from(officerRoles).where(eq(officerRoles.orgId, orgId));
  const itemRows = await db.select().from(penaltyItems).where(eq(penaltyItems.orgId, orgId));
  const categoryRows = await db
    .select({ code: incidentCategories.code })
    .from(incidentCategories)
    .where(eq(incidentCategories.orgId, orgId));
  const officerMap = new Map<number, OfficerRef>(officerRows.map((o) => [o.id, { ...o, roles: [] }]));
  for (const r of roleRows) officerMap.get(r.officerId)?.roles.push(r.roleCode);
  const unitMap = new Map(unitRows.map((u) => [u.code, u]));
  const byUsername = new Map([...officerMap.values()].map((o) => [o.username, o]));
  const inUnit = (code: string, role: string) =>
    [...officerMap.values()]
      .filter((o) => o.unitId === unitMap.get(code)?.id && o.roles.includes(role))
      .map((o) => o.id);
  // The demo accounts do most of their unit's work, so every page they open has plenty in it.
  const favour = (ids: number[], username: string, times: number) => {
    const id = byUsername.get(username)?.id;
    return id && ids.includes(id) ? [...ids, ...Array<number>(times).fill(id)] : ids;
  };
  const staffCache = new Map<string, Staff>();
  const streets = new Map<string, Street>();
  unitRows
    .filter((u) => u.kind === 'station')
    .sort((a, b) => a.code.localeCompare(b.code))
    .forEach((u, i) => {
      streets.set(u.code, stationStreet(u.name, i));
    });
  const qualified = (id: number) => ['intermediate', 'advanced'].includes(officerMap.get(id)?.level ?? '');
  return {
    orgName: org?.name ?? '',
    units: unitMap,
    unitsById: new Map(unitRows.map((u) => [u.id, u])),
    officers: officerMap,
    byUsername,
    staff(code) {
      let s = staffCache.get(code);
      if (!s) {
        const head = inUnit(code, 'unit_head');
        const legalOfficer = inUnit(code, 'unit_legal');
        s = {
          leads: favour(inUnit(code, 'officer'), 'officer', 2),
          unitLegal: favour(legalOfficer.length ? legalOfficer : head, 'unitlegal', 3),
          unitHead: favour(head.length ? head : legalOfficer, 'unithead', 3),
        };
        if (!s.leads.length) s.leads = [...s.unitHead];
        staffCache.set(code, s);
      }
      return s;
    },
    legal: favour(inUnit('DET-FZ', 'legal').filter(qualified), 'legal', 3),
    branchHead: [...officerMap.values()].filter((o) => o.roles.includes('branch_head')).map((o) => o.id),
    items: new Map(itemRows.map((i) => [i.code, i])),
    categories: new Set(categoryRows.map((c) => c.code)),
    streets,
  };
}

const HOUR_WEIGHTS = [
  2, 1.5, 1, 0.7, 0.5, 0.5, 1, 2, 3.5, 4.5, 5, 5, 4.5, 4, 4.5, 4.5, 5, 5, 5, 5.5, 6, 6, 5, 3.5,
].map((w, h) => [h, w] as const);
const MONTH_FACTOR = [0.92, 0.85, 0.95, 1, 1.04, 1.08, 1.14, 1.14, 1.04, 1, 0.96, 0.94];
/** Incidents a day: this year, the year before (for comparison), and the lighter years back. */
const DENSITY = { current: 22, prior: 20.5, early: 2.5 };

export interface World {
  now: number;
  incidents: IncidentDraft[];
  cases: CaseDraft[];
}

function generate(refs: Refs, now: number): World {
  const r = seededRandom(20_211_130);
  const today = cstDate(now);
  const windowStart = cstDate(now - 365 * DAY);
  const priorStart = cstDate(now - 730 * DAY);
  const stations = [...refs.streets.keys()];
  const stationWeights = stations.map(
    (code, i) => [code, code === 'PS-01' ? 1.7 : 0.5 + ((i * 37) % 10) / 10] as const,
  );
  const traffic = [...refs.units.keys()].filter((c) => c.startsWith('BR-JX-'));
  const brigadesXZ = [...refs.units.keys()].filter((c) => c.startsWith('BR-XZ-'));
  const incidents: IncidentDraft[] = [];
  const cases: CaseDraft[] = [];
  const seqByDay = new Map<string, number>();

  for (let t = cstInstant(HISTORY_START); cstDate(t) <= today; t += DAY) {
    const day = cstDate(t);
    const density = day >= windowStart ? DENSITY.current : day >= priorStart ? DENSITY.prior : DENSITY.early;
    const weekday = new Date(t + 8 * HOUR).getUTCDay();
    const f = MONTH_FACTOR[Number(day.slice(5, 7)) - 1]! * (weekday === 5 || weekday === 6 ? 1.1 : 0.97);
    const n = Math.max(0, Math.round(density * f + (r() + r() + r() - 1.5) * Math.sqrt(density)));
    const epidemic = day < '2023-01-01';
    for (let i = 0; i < n; i++) {
      const at = t + weighted(r, HOUR_WEIGHTS) * HOUR + Math.floor(r() * 3600) * 1000;
      if (at > now) continue;
      const category = weighted(r, CATEGORY_MIX);
      if (!refs.categories.has(category)) continue;
      const station = weighted(r, stationWeights);
      const unitCode = category.startsWith('JT-') && r() < 0.55 ? pick(r, traffic) : station;
      const source = weighted(r, [
        ['110', 82],
        ['walk_in', 10],
        ['online', 5],
        ['transfer', 3],
      ] as const);
      const anonymous = source === 'transfer' || ((category === 'QT' || category === 'JT-YD') && r() < 0.4);
      const caller = anonymous ? null : personName(r);
      const company = companyName(r);
      const slots = {
        caller: caller ?? '',
        place: place(r, refs.streets.get(station)!),
        amount: Math.round(between(r, 500, 50_000) / 100) * 100,
        other: personName(r),
        company,
      };
      const story = narrativeFor(r, category, slots, epidemic);
      const text = story.text;
      const enterprise = text.includes(company);
      const tags = new Set<string>();
      if (category === 'XS-DXZP' || (category === 'XS-ZP' && r() < 0.3)) tags.add('反诈');
      if (enterprise || (category === 'JF-JJ' && r() < 0.3)) tags.add('涉企');
      if (story.epidemic || (epidemic && ['QT', 'QZ-ZR', 'JF-LL'].includes(category) && r() < 0.08))
        tags.add('涉疫');
      if (category === 'ZA-DB' || category === 'ZA-XD') tags.add('涉黄赌毒');
      if (category === 'JF-JT' && text.includes('摔砸')) tags.add('家庭暴力');
      if (category === 'XS-GYSH' && r() < 0.06) tags.add('扫黑除恶');
      if (category === 'QZ-ZR' && text.includes('孩子') && r() < 0.5) tags.add('涉校');
      seqByDay.set(day, (seqByDay.get(day) ?? 0) + 1);
      const incident: IncidentDraft = {
        key: incidents.length,
        receivedAt: at,
        source,
        categoryCode: category,
        unitCode,
        callerName: caller,
        callerPhone: anonymous && source === 'transfer' ? null : mobile(r),
        place: slots.place,
        narrative: text,
        tags: [...tags],
        enterprise,
      };
      incidents.push(incident);
      if (!becomesCase(r, category)) continue;
      const draft = caseFor(
        { r, incident, offenderName: personName(r), victimName: personName(r), items: refs.items, epidemic },
        (type, offence) => {
          if (type === 'criminal' && (offence === 'XF-266' || offence === 'XF-287-2') && r() < 0.45)
            return r() < 0.5 ? 'DET-WA' : pick(r, brigadesXZ);
          if (type === 'criminal' && ['XF-264', 'XF-263', 'XF-234'].includes(offence) && r() < 0.3)
            return pick(r, brigadesXZ);
          if (offence === 'ZA-72-3' && r() < 0.3) return 'DET-JD';
          if ((offence === 'ZA-70' || offence === 'XF-303') && r() < 0.2) return 'DET-ZA';
          return unitCode;
        },
      );
      cases.push(draft);
    }
  }
  return { now, incidents, cases };
}

export interface DemoEnforcementStats {
  incidents: number;
  cases: number;
  decisions: number;
  publications: number;
  /** The instant the history runs up to. */
  now: string;
  ms: number;
}

/**
 * Seeds the history into branch `orgId` (demo.ts has created its units and officers). `now`
 * is for tests; the demo uses the real time.
 */
export async function seedDemoEnforcement(
  db: Queryable,
  orgId: number,
  opts: { now?: Date; progress?: SeedProgress } = {},
): Promise<DemoEnforcementStats> {
  const started = performance.now();
  const progress = opts.progress ?? silentProgress;
  progress('the years of incidents and cases since 2021: drawing them');
  const refs = await loadRefs(db, orgId);
  const book = await ClockBook.load(db);
  const now = (opts.now ?? new Date()).getTime();
  const world = generate(refs, now);
  scriptedCases(world, refs, seededRandom(7));
  const r = seededRandom(1130);
  const sims = world.cases.map((c) => {
    const staff = refs.staff(c.unitCode);
    const lead = c.demoLead ? refs.byUsername.get('officer')!.id : pick(r, staff.leads);
    return {
      lead,
      sim: simulate(c.plan as CasePlan, {
        lead,
        staff,
        reviewers: { legal: refs.legal, branchHead: refs.branchHead },
        r,
        now,
        addWorkingDays: (d, n) => book.calendar.addWorkingDays(d, n),
      }),
    };
  });
  const counts = await writeWorld(db, orgId, refs, book, world, sims, r, progress);
  return { ...counts, now: new Date(now).toISOString(), ms: Math.round(performance.now() - started) };
}
