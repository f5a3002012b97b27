/** The rule registry: one implementation per rule kind (RULE_KINDS in common). */
import type { RuleKind } from '@fazhi/common';
import { cameraNotRecorded } from './camera-not-recorded.ts';
import { caseIdle } from './case-idle.ts';
import { clockDueSoon } from './clock-due-soon.ts';
import { clockOverdue } from './clock-overdue.ts';
import { decisionWithoutItem } from './decision-without-item.ts';
import { incidentWithoutCase } from './incident-without-case.ts';
import { majorWithoutDiscussion } from './major-without-discussion.ts';
import { notInCentre } from './not-in-centre.ts';
import { noticeNotServed } from './notice-not-served.ts';
import { publicityLate } from './publicity-late.ts';
import { repeatedSendBacks } from './repeated-send-backs.ts';
import type { RuleImpl } from './types.ts';
import { unqualifiedReviewer } from './unqualified-reviewer.ts';

export const RULES: { [K in RuleKind]: RuleImpl<K> } = {
  incident_without_case: incidentWithoutCase,
  case_idle: caseIdle,
  clock_overdue: clockOverdue,
  clock_due_soon: clockDueSoon,
  camera_not_recorded: cameraNotRecorded,
  not_in_centre: notInCentre,
  publicity_late: publicityLate,
  decision_without_item: decisionWithoutItem,
  unqualified_reviewer: unqualifiedReviewer,
  major_without_discussion: majorWithoutDiscussion,
  repeated_send_backs: repeatedSendBacks,
  notice_not_served: noticeNotServed,
};

export function ruleImpl(kind: string): RuleImpl | null {
  return (RULES as Record<string, RuleImpl>)[kind] ?? null;
}

export type { RuleImpl, RuleRun } from './types.ts';
