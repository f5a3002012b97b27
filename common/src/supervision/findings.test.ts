import { describe, expect, it } from 'vitest';
import {
  availableFindingActions,
  FINDING_ACTIONS,
  FindingVerifyRequest,
  findingActionAllowed,
  findingMessage,
  SupervisionDocumentCreateRequest,
} from './findings.ts';
import { FINDING_STATUSES } from './model.ts';

const UNIT = ['supervision.read', 'supervision.answer'];
const LEGAL = ['supervision.read', 'supervision.manage'];

describe('finding workflow as data', () => {
  it('lets the unit answer open findings and the detachment verify answered ones', () => {
    const f = (
      status: (typeof FINDING_STATUSES)[number],
      confirmedViolation = false,
      hasAccountability = false,
    ) => ({
      status,
      confirmedViolation,
      hasAccountability,
    });
    expect(availableFindingActions(f('open'), UNIT)).toEqual(['answer']);
    expect(availableFindingActions(f('open'), LEGAL)).toEqual(['dismiss']);
    expect(availableFindingActions(f('answered'), UNIT)).toEqual([]);
    expect(availableFindingActions(f('answered'), LEGAL)).toEqual(['correct', 'return', 'dismiss']);
    expect(availableFindingActions(f('corrected'), LEGAL)).toEqual([]);
    expect(availableFindingActions(f('corrected', true), LEGAL)).toEqual(['accountability']);
    expect(availableFindingActions(f('corrected', true, true), LEGAL)).toEqual([]);
    expect(availableFindingActions(f('corrected', true), UNIT)).toEqual([]);
    for (const s of ['dismissed', 'resolved'] as const)
      expect(availableFindingActions(f(s), [...UNIT, ...LEGAL])).toEqual([]);
  });

  it('has a row for every status and closed statuses allow no step back', () => {
    for (const s of FINDING_STATUSES) expect(Array.isArray(FINDING_ACTIONS[s])).toBe(true);
    expect(findingActionAllowed('corrected', 'return')).toBe(false);
    expect(findingActionAllowed('open', 'correct')).toBe(false);
    expect(findingActionAllowed('answered', 'answer')).toBe(false);
  });
});

describe('finding messages', () => {
  const base = { ruleNameZh: '有警无案', ruleNameEn: 'Incident without a case', incidentNo: 'J2021000123' };

  it('builds the sentence from the rule kind and the detail', () => {
    const m = {
      ...base,
      kind: 'incident_without_case',
      detail: { hours: 48, category: '盗窃', categoryEn: 'Theft' },
    };
    expect(findingMessage(m, 'zh-CN')).toBe('警情 J2021000123（盗窃）接警超过 48 小时仍未受案立案');
    expect(findingMessage(m, 'en-US')).toBe(
      'Incident J2021000123 (Theft): no case more than 48 hours after the call',
    );
  });

  it('falls back to a less specific template, then to the rule name', () => {
    const clock = {
      kind: 'clock_overdue',
      ruleNameZh: '法定期限已超',
      ruleNameEn: 'Deadline overdue',
      caseNo: 'A2021-77',
      detail: {
        clockName: '行政案件办案期限',
        clockNameEn: 'admin case period',
        dueOn: '2021-05-01',
        daysLate: 0,
      },
    };
    expect(findingMessage(clock, 'zh-CN')).toBe('案件 A2021-77 的行政案件办案期限已于 2021-05-01 届满');
    expect(findingMessage({ ...clock, detail: { ...clock.detail, daysLate: 3 } }, 'en-US')).toBe(
      'Case A2021-77: admin case period ran out on 2021-05-01, 3 days ago',
    );
    expect(findingMessage({ ...base, kind: 'incident_without_case', detail: {} }, 'zh-CN')).toBe(
      '警情 J2021000123 应受案立案而未受案立案',
    );
    expect(findingMessage({ ...base, kind: 'some_future_rule', detail: { x: 1 } }, 'zh-CN')).toBe(
      '警情 J2021000123：有警无案',
    );
    expect(
      findingMessage(
        { kind: 'manual', ruleNameZh: '人工发现问题', ruleNameEn: 'Manual', detail: { text: '笔录未签名' } },
        'zh-CN',
      ),
    ).toBe('人工发现问题——笔录未签名');
    // A rule's own sentence wins; garbage in detail never throws.
    expect(
      findingMessage({ ...base, kind: 'camera_not_recorded', detail: { messageZh: '抽查未开启' } }, 'zh-CN'),
    ).toBe('抽查未开启');
    expect(findingMessage({ ...base, kind: 'case_idle', detail: null as never }, 'en-US')).toBe(
      'Incident J2021000123: Incident without a case',
    );
  });
});

describe('request contracts', () => {
  it('requires a note to return or dismiss, not to verify corrected', () => {
    expect(FindingVerifyRequest.safeParse({ version: 1, outcome: 'corrected' }).success).toBe(true);
    const r = FindingVerifyRequest.safeParse({ version: 1, outcome: 'returned', note: ' ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['note']);
  });

  it('asks a unit document for its unit and findings, a bulletin for its period', () => {
    const u = SupervisionDocumentCreateRequest.safeParse({ kind: 'suggestion' });
    expect(u.error?.issues.map((i) => i.path[0]).sort()).toEqual(['findingIds', 'unitId']);
    const b = SupervisionDocumentCreateRequest.safeParse({
      kind: 'quality_bulletin',
      periodFrom: '2026-03-01',
      periodTo: '2026-01-01',
    });
    expect(b.error?.issues.map((i) => i.path[0])).toEqual(['periodTo']);
  });
});
