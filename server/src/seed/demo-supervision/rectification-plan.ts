/**
 * The rectification life of each demo finding, planned in memory before anything is written:
 * most findings older than a month answered and verified corrected within (or a little after)
 * their deadline, some returned once, a few dismissed, a small share confirmed as violations
 * (about 4% of the acceptance findings, as the 2021 report's 14 of 341); recent findings still
 * open or waiting for verification. Pure and deterministic given the random source.
 */
import { addDays, chinaToday, daysBetween, type FindingEventKind } from '@fazhi/common';

type Rng = () => number;

export interface SeedFinding {
  id: number;
  ruleCode: string;
  kind: string;
  unitId: number;
  officerId: number | null;
  raisedAt: Date;
  rectifyDueOn: string;
  occurredOn: string;
}

export interface Step {
  kind: FindingEventKind;
  at: Date;
  note: string | null;
  actorId: number | null;
  /** An evidence file goes with this answer. */
  file?: boolean;
}

export interface Outcome {
  id: number;
  status: 'open' | 'answered' | 'corrected' | 'dismissed';
  answeredAt: Date | null;
  closedAt: Date | null;
  closedBy: number | null;
  closedReason: string | null;
  confirmed: boolean;
  returnCount: number;
  rectifyDueOn: string;
  steps: Step[];
}

export interface Actors {
  /** Who answers for a unit (its 法制员, else the finding's officer). */
  answerer(unitId: number, officerId: number | null): number | null;
  /** Legal-detachment officers who verify. */
  verifiers: number[];
}

const HISTORY_DAYS = 30;
const FRESH_DAYS = 4;
/** The oldest a finding left open in the demo may be. */
const STILL_PRESSED_DAYS = 120;

/** A China-time instant on `date` during office hours. */
export function officeTime(date: string, rng: Rng): Date {
  const minutes = 9 * 60 + Math.floor(rng() * 8.5 * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00+08:00`);
}

const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

const ANSWERS: Record<string, readonly string[]> = {
  incident_without_case: [
    '已对该警情补充受案登记，开具受案回执，并对处警民警进行批评教育。',
    '经核查符合受案条件，已依法受案调查，相关材料已录入执法办案系统。',
    '已补录受案登记表，组织全所民警学习受案立案规定，杜绝有警不接、有案不立。',
  ],
  case_idle: [
    '已制定侦查计划，调取监控视频并询问证人，案件正常推进。',
    '已明确主办民警，补充调查取证，每周报告办案进度。',
  ],
  clock_overdue: [
    '已依法办理延长期限审批手续，并对逾期原因作出书面说明。',
    '已在期限内补办相关法律手续，责任民警已作书面检查。',
  ],
  clock_due_soon: ['已在期限届满前完成相关法律手续。'],
  camera_not_recorded: [
    '已调取同步录音录像资料补充入卷，对未全程记录的民警进行批评教育。',
    '已组织民警重新学习执法记录仪使用管理规定，落实全程记录。',
  ],
  not_in_centre: ['已将案件移交执法办案管理中心，后续讯问、询问均在中心进行。'],
  publicity_late: ['已在“警快办”平台补充公示，并指定专人负责公示工作。'],
  decision_without_item: ['已在系统中补充关联处罚事项，并核对法律依据。'],
  unqualified_reviewer: ['已改由具备相应执法资格的人员重新审核。'],
  major_without_discussion: ['已补充提交集体讨论，讨论意见已入卷。'],
  repeated_send_backs: ['已组织法制员逐项对照审核意见补充完善卷宗。'],
  notice_not_served: ['已向当事人送达不予立案通知书，送达回执已入卷。'],
};
const GENERIC_ANSWERS = ['已按要求整改到位，相关材料已上传。', '已逐项整改，并对责任民警进行教育。'];
const RETURNS = [
  '整改材料不全，请补充受案回执等佐证材料。',
  '未说明对责任民警的处理情况，请补充。',
  '整改措施不具体，请重新整改并上传佐证材料。',
];
const VERIFIED = ['经核查，已整改到位。', '整改材料齐全，同意销号。', '经复查，问题已纠正。'];
const DISMISSED = [
  '经核查，该警情已在其他单位受案，系数据关联延迟，不属违规。',
  '经核查，情况属实但符合规定，不属执法问题。',
];

/** The plan of one finding, given `now` (nothing is planned at or after it). */
export function planFinding(f: SeedFinding, actors: Actors, now: Date, rng: Rng): Outcome {
  const today = chinaToday(now);
  const raisedOn = chinaToday(f.raisedAt);
  const age = daysBetween(raisedOn, today);
  const dueDays = Math.max(1, daysBetween(raisedOn, f.rectifyDueOn));
  const answerer = actors.answerer(f.unitId, f.officerId);
  const verifier = actors.verifiers.length ? pick(rng, actors.verifiers) : null;
  const answerNote = () => pick(rng, ANSWERS[f.kind] ?? GENERIC_ANSWERS);
  const before = (d: Date) => d.getTime() < now.getTime() - 3_600_000;
  const out: Outcome = {
    id: f.id,
    status: 'open',
    answeredAt: null,
    closedAt: null,
    closedBy: null,
    closedReason: null,
    confirmed: false,
    returnCount: 0,
    rectifyDueOn: f.rectifyDueOn,
    steps: [],
  };
  if (age <= FRESH_DAYS) return out;
  const r = rng();
  const history = age > HISTORY_DAYS;
  // Old findings are nearly all closed; a few of the last months stay open past their deadline,
  // to be pressed (none for years: a branch presses or dismisses them long before).
  if (history && r < 0.02) {
    const note = pick(rng, DISMISSED);
    const at = officeTime(addDays(raisedOn, between(rng, 2, 6)), rng);
    return {
      ...out,
      status: 'dismissed',
      closedAt: at,
      closedBy: verifier,
      closedReason: note,
      steps: [{ kind: 'dismissed', at, note, actorId: verifier }],
    };
  }
  if (history && r > 0.99 && age <= STILL_PRESSED_DAYS) return out;
  const target = history ? 'corrected' : r < 0.35 ? 'corrected' : r < 0.75 ? 'answered' : 'open';
  if (target === 'open') return out;

  // 85% answer by the deadline, the rest up to 8 days late.
  const late = rng() < 0.15;
  let answerOn = addDays(raisedOn, late ? dueDays + between(rng, 1, 8) : between(rng, 1, dueDays));
  const steps: Step[] = [];
  const recentFile = age < 120;
  let answeredAt = officeTime(answerOn, rng);
  if (!before(answeredAt)) return out;
  steps.push({ kind: 'answered', at: answeredAt, note: answerNote(), actorId: answerer, file: recentFile });
  let due = f.rectifyDueOn;
  let returnCount = 0;
  if (history && rng() < 0.08) {
    // Sent back once, answered again before the new deadline.
    const returnedAt = officeTime(addDays(answerOn, between(rng, 1, 3)), rng);
    const returnOn = chinaToday(returnedAt);
    due = addDays(returnOn, 5);
    answerOn = addDays(returnOn, between(rng, 1, 5));
    const again = officeTime(answerOn, rng);
    if (before(again)) {
      steps.push({ kind: 'returned', at: returnedAt, note: pick(rng, RETURNS), actorId: verifier });
      steps.push({ kind: 'answered', at: again, note: answerNote(), actorId: answerer, file: recentFile });
      answeredAt = again;
      returnCount = 1;
    } else due = f.rectifyDueOn;
  }
  const answered: Outcome = { ...out, status: 'answered', answeredAt, returnCount, rectifyDueOn: due, steps };
  if (target === 'answered') return answered;
  const closedAt = officeTime(addDays(answerOn, between(rng, 1, 3)), rng);
  if (!before(closedAt)) return answered;
  const note = pick(rng, VERIFIED);
  const confirmed = rng() < (f.kind === 'incident_without_case' ? 0.041 : 0.02);
  steps.push({ kind: 'corrected', at: closedAt, note, actorId: verifier });
  if (confirmed) steps.push({ kind: 'confirmed', at: closedAt, note: null, actorId: verifier });
  return {
    ...answered,
    status: 'corrected',
    closedAt,
    closedBy: verifier,
    closedReason: note,
    confirmed,
    steps,
  };
}

/**
 * The days the finding, as planned, was open past its deadline (what a 督办通知书 of such a day
 * may press): from the day after the deadline to the day before its first answer or closing.
 */
export function overdueWindow(f: SeedFinding, o: Outcome, today: string): [string, string] | null {
  const from = addDays(f.rectifyDueOn, 1);
  const first = o.steps[0];
  const to = addDays(first ? chinaToday(first.at) : today, -1);
  return from <= to ? [from, to] : null;
}

/** The day of [from, to] on which most windows are open, with their count (a sweep). */
export function busiestDay(windows: [string, string][], from: string, to: string): [string, number] | null {
  const delta = new Map<string, number>();
  for (const [a, b] of windows) {
    const s = a < from ? from : a;
    const e = b > to ? to : b;
    if (s > e) continue;
    delta.set(s, (delta.get(s) ?? 0) + 1);
    const after = addDays(e, 1);
    delta.set(after, (delta.get(after) ?? 0) - 1);
  }
  let best: [string, number] | null = null;
  let open = 0;
  for (const day of [...delta.keys()].sort()) {
    open += delta.get(day)!;
    if (day <= to && open > 0 && (!best || open > best[1])) best = [day, open];
  }
  return best;
}
