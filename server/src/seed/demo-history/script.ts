/**
 * Cases placed on purpose, so that each demo account finds work the moment it signs in: cases
 * of 城关派出所 (PS-01) waiting at the unit legal officer's and the unit head's gates, cases at
 * the legal detachment's and the branch head's, cases sent back to the officer, clocks due soon
 * and overdue, publicity pending and late, a notice to serve, a reply owed to the procuratorate.
 * Random history would show most of these too, but a demo must not depend on luck.
 */
import { addDays, type DecisionKind, type Gate } from '@fazhi/common';
import { type CasePlan, cstDate, cstInstant, DAY, HOUR } from './cases.ts';
import type { Refs, World } from './index.ts';
import { caseFor, type IncidentDraft } from './plan.ts';
import { mobile, NARRATIVES, personName, pick, place, type Rng, SEND_BACK_REASONS } from './text.ts';

const INF = Number.POSITIVE_INFINITY;

interface Spec {
  unit: string;
  kind: DecisionKind;
  demoLead: boolean;
  /** When the incident comes in: known before the case is drawn, whose facts are dated by it. */
  received: number;
  /** Sets the plan's timing after receipt; times are absolute instants. */
  timing: (plan: CasePlan) => void;
}

export function scriptedCases(world: World, refs: Refs, r: Rng) {
  const now = world.now;
  /**
   * An office-hour instant `back` working days before the last full office day. The day is
   * chosen before the hour, so two acts `back` days ago keep their order whatever the hour now
   * (counting per hour put a 15:00 act a day before a 09:00 act when run between them).
   */
  const isWeekday = (d: string) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  };
  const today = cstDate(now);
  const lastFullDay = isWeekday(today) && now >= cstInstant(today, 18) ? today : addDays(today, -1);
  const at = (back: number, hour = 10): number => {
    let d = lastFullDay;
    let k = back;
    for (let guard = 0; guard < 400; guard++) {
      if (isWeekday(d)) {
        // Minutes and seconds vary, as real acts do; the hour keeps the order of the acts.
        if (k === 0) return cstInstant(d, hour) + Math.floor(r() * 50) * 60_000 + Math.floor(r() * 60) * 1000;
        k--;
      }
      d = addDays(d, -1);
    }
    throw new Error('no office day found');
  };
  /** The plan's delays from absolute times: opened, submitted, then each gate's act. */
  const path = (plan: CasePlan, opened: number, submitted: number, gates: number[]) => {
    plan.openAfter = opened - plan.receivedAt;
    plan.opening = plan.caseType === 'admin' ? 'accept' : 'file';
    plan.investigate = submitted - opened;
    plan.mediateAfter = undefined;
    plan.extendAfter = undefined;
    plan.revoked = undefined;
    plan.discussion = false;
    const times = [submitted, ...gates];
    plan.rounds = [{ delays: gates.map((g, i) => g - times[i]!), resubmit: INF }];
    plan.decideAfter = INF;
  };
  const returned = (plan: CasePlan, gate: Gate) => {
    const why = pick(r, SEND_BACK_REASONS);
    plan.rounds[0]!.stop = { gate, outcome: 'send_back', reason: why.text, item: why.item };
  };

  const specs: Spec[] = [];
  const add = (
    unit: string,
    kind: DecisionKind,
    demoLead: boolean,
    received: number,
    timing: Spec['timing'],
  ) => specs.push({ unit, kind, demoLead, received, timing });

  // A criminal case whose 立案 the officer asked this morning: waiting for the branch head.
  add('PS-01', 'arrest_request', true, at(0, 8), (p) => {
    path(p, at(0, 9), INF, []);
    p.filingApprovalAfter = INF;
  });
  // Waiting at the unit legal officer (王晓丽) and the unit head (赵志刚) of PS-01.
  add('PS-01', 'fine', true, at(3, 8) - 3 * HOUR, (p) => path(p, at(3, 9), at(0, 15), [INF]));
  add('PS-01', 'detention', true, at(5, 8) - 10 * HOUR, (p) => path(p, at(5, 9), at(1, 11), [INF]));
  add('PS-01', 'warning', false, at(2, 8) - 2 * HOUR, (p) => path(p, at(2, 10), at(0, 9), [INF]));
  add('PS-01', 'fine', true, at(6, 8) - 5 * HOUR, (p) => path(p, at(6, 9), at(3, 10), [at(1, 16), INF]));
  add('PS-01', 'warning', false, at(4, 8) - 4 * HOUR, (p) => path(p, at(4, 9), at(2, 10), [at(1, 9), INF]));
  add('PS-01', 'detention', true, at(7, 8), (p) => path(p, at(7, 9), at(2, 14), [at(0, 9), INF]));
  // At the legal detachment (周法明) and the branch head (陈国栋).
  add('PS-01', 'fine', true, at(9, 8), (p) => path(p, at(9, 10), at(4, 10), [at(3, 10), at(2, 15), INF]));
  add('PS-01', 'fine', false, at(8, 8), (p) => path(p, at(8, 10), at(3, 9), [at(3, 15), at(1, 10), INF]));
  add('PS-02', 'fine', false, at(10, 8), (p) => path(p, at(10, 10), at(5, 9), [at(4, 10), at(3, 11), INF]));
  add('PS-01', 'detention', true, at(12, 8), (p) =>
    path(p, at(12, 9), at(6, 10), [at(5, 10), at(4, 10), at(1, 11), INF]),
  );
  add('PS-01', 'arrest_request', false, at(30, 8), (p) =>
    path(p, at(29, 10), at(5, 10), [at(4, 10), at(4, 16), at(2, 10), INF]),
  );
  // Sent back to the officer (李建军) with reasons: at the unit legal officer, and at the legal detachment.
  add('PS-01', 'fine', true, at(8, 8), (p) => {
    path(p, at(8, 9), at(4, 10), [at(2, 11)]);
    returned(p, 'unit_legal');
  });
  add('PS-01', 'detention', true, at(12, 8), (p) => {
    path(p, at(12, 9), at(6, 10), [at(5, 10), at(4, 15), at(1, 16)]);
    returned(p, 'legal');
  });
  // The officer's running clocks: the case period due in a day or two, one overdue, acceptance due.
  for (const [days, lead] of [
    [29, true],
    [28, true],
    [36, true],
    [33, false],
  ] as const) {
    const accepted = cstInstant(addDays(cstDate(now), -days), 10);
    add('PS-01', 'fine', lead, accepted - 5 * HOUR, (p) => path(p, accepted, INF, []));
  }
  add('PS-01', 'warning', true, now - 3 * HOUR, (p) => {
    path(p, INF, INF, []);
    p.openingRule = 'acceptance_review';
  });
  add('PS-01', 'fine', false, now - 40 * HOUR, (p) => {
    path(p, INF, INF, []);
    p.openingRule = 'acceptance_review';
  });
  add('PS-01', 'arrest_request', true, now - 30 * HOUR, (p) => {
    path(p, INF, INF, []);
    p.openingRule = 'filing_review';
  });
  // Approved and waiting for the decision; decided with publicity pending, and publicity late.
  add('PS-01', 'warning', true, at(6, 8), (p) => path(p, at(6, 9), at(3, 10), [at(2, 10), at(1, 10)]));
  add('PS-01', 'fine', true, at(9, 8), (p) => {
    path(p, at(9, 9), at(5, 10), [at(4, 10), at(4, 15), at(3, 10)]);
    p.decideAfter = at(2, 11) - at(3, 10);
    p.publishWorkingDays = 6;
    p.closeAfter = INF;
  });
  add('PS-01', 'fine', false, at(22, 8), (p) => {
    path(p, at(22, 9), at(17, 10), [at(16, 10), at(15, 10), at(14, 10)]);
    p.decideAfter = at(12, 11) - at(14, 10);
    p.publishWorkingDays = 15;
    p.closeAfter = INF;
  });
  // A published decision revoked on reconsideration: it must come down within 3 days.
  add('PS-01', 'fine', false, at(45, 8), (p) => {
    path(p, at(45, 9), at(38, 10), [at(37, 10), at(37, 15), at(36, 10)]);
    p.decideAfter = at(35, 10) - at(36, 10);
    p.publishWorkingDays = 3;
    p.closeAfter = INF;
    p.revoked = { after: at(0, 9) - at(35, 10), withdrawAfter: INF };
  });
  // 两统一: a reply owed to the procuratorate; a not-filed notice still to be served.
  add('PS-01', 'prosecution_transfer', false, at(60, 8), (p) => {
    path(p, at(59, 9), at(30, 10), [at(29, 10), at(29, 15), at(28, 10), at(27, 10)]);
    p.decideAfter = at(26, 10) - at(27, 10);
    p.feedback = {
      after: cstInstant(addDays(cstDate(now), -27), 10) - at(26, 10),
      kind: 'correction_notice',
      replyAfter: INF,
    };
    p.closeAfter = INF;
  });
  add('PS-01', 'arrest_request', true, now - 2 * DAY, (p) => {
    path(p, now - DAY, INF, []);
    p.openingRule = 'filing_review';
    p.opening = 'refuse_filing';
    p.openingReason = '经审查，没有犯罪事实。';
    p.notFiled = {
      serveAfter: INF,
      apply: false,
      decideAfter: INF,
      overturned: false,
      concludeLapsedAfter: INF,
    };
  });

  // 告知 given (the party waived 陈述申辩) and the decision still to make: told half-way
  // between approval and a decision a few days ahead, whatever today is.
  add('PS-01', 'fine', true, at(16, 8), (p) => {
    path(p, at(16, 9), at(13, 10), [at(12, 10), at(12, 15), at(11, 10)]);
    p.decideAfter = now + 3 * DAY - at(11, 10);
    p.closeAfter = INF;
  });

  // Categories whose offences allow the decision, taken in turn so the demo cases vary.
  const categories: Record<string, string[]> = {
    warning: ['ZA-SR', 'JF-JJ'],
    fine: ['ZA-DO', 'ZA-XC', 'ZA-DB', 'ZA-SR', 'XS-DQ'],
    detention: ['ZA-DO', 'ZA-XC', 'ZA-XD', 'XS-DQ'],
    criminal: ['XS-QJ', 'XS-RSDQ', 'XS-DXZP', 'XS-GYSH'],
  };
  const turn = new Map<string, number>();
  for (const s of specs) {
    const criminal =
      s.kind === 'arrest_request' || s.kind === 'prosecution_transfer' || s.kind === 'case_revoked';
    const list = categories[criminal ? 'criminal' : s.kind] ?? categories.fine!;
    const k = turn.get(s.kind) ?? 0;
    turn.set(s.kind, k + 1);
    const category = list[k % list.length]!;
    const caller = personName(r);
    const street = refs.streets.get(s.unit)!;
    const slots = { caller, place: place(r, street), amount: 2000, other: personName(r), company: '' };
    // The incident comes in a few minutes before the case's time, and never within the last hour.
    const shift = Math.floor(r() * 40) * 60_000 + Math.floor(r() * 60) * 1000;
    const incident: IncidentDraft = {
      key: world.incidents.length,
      receivedAt: Math.min(s.received, now - HOUR) - shift,
      source: '110',
      categoryCode: category,
      unitCode: s.unit,
      callerName: caller,
      callerPhone: mobile(r),
      place: slots.place,
      narrative: pick(r, NARRATIVES[category]!)(slots, r),
      tags:
        category === 'XS-DXZP' ? ['反诈'] : category === 'ZA-DB' || category === 'ZA-XD' ? ['涉黄赌毒'] : [],
      enterprise: false,
    };
    const draft = caseFor(
      {
        r,
        incident,
        offenderName: personName(r),
        victimName: personName(r),
        items: refs.items,
        epidemic: false,
      },
      () => s.unit,
      { kind: s.kind },
    );
    s.timing(draft.plan);
    draft.demoLead = s.demoLead;
    draft.major = false;
    world.incidents.push(incident);
    world.cases.push(draft);
  }
}
