/**
 * The texts of the supervision documents in the shared GB/T 9704 layout: 执法建议书 and
 * 督办通知书 to one unit about chosen findings, and the periodic 执法质量通报 built from the
 * findings of a period. Numbers: per branch, kind and year (渝州公法建〔2026〕3号).
 */
import {
  addDays,
  type FindingStatus,
  rectificationTimeliness,
  SUPERVISION_DOC_KIND_NAMES,
  type SupervisionDocKind,
} from '@fazhi/common';
import type { Queryable } from '../../db/index.ts';
import type { Block, OfficialDocument } from '../../platform-io/docx.ts';
import { branchName } from '../cases/numbers.ts';
import { nextNumber } from '../platform/numbers.ts';
import type { FindingAggregates } from './stats.service.ts';

/** Sequence kind and 文书代字 of each document kind. */
export const DOC_SERIES: Record<SupervisionDocKind, { seq: string; word: string }> = {
  suggestion: { seq: 'doc.suggestion', word: '法建' },
  supervise_notice: { seq: 'doc.supervise_notice', word: '法督' },
  quality_bulletin: { seq: 'doc.quality_bulletin', word: '法通' },
};

/** 渝州公法建〔2026〕3号: the branch name's first two characters + 公, as decision numbers do. */
export async function supervisionDocNo(
  tx: Queryable,
  orgId: number,
  kind: SupervisionDocKind,
  year: number,
): Promise<string> {
  const n = await nextNumber(tx, orgId, DOC_SERIES[kind].seq, year);
  const prefix = [...(await branchName(tx, orgId))].slice(0, 2).join('');
  return `${prefix}公${DOC_SERIES[kind].word}〔${year}〕${n}号`;
}

/** One finding as a document prints it. */
export interface DocFinding {
  id: number;
  unitName: string;
  message: string;
  occurredOn: string;
  rectifyDueOn: string;
  status: FindingStatus;
  /** The unit's latest answer and the closing (its timeliness is measured there). */
  answeredAt: Date | null;
  closedAt: Date | null;
  confirmedViolation: boolean;
  closedReason: string | null;
}

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
};
const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => CN_ORDINALS[i] ?? String(i + 1);
const percent = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
/** Ends a sentence once, whatever punctuation the text already has. */
const sentence = (s: string) => (/[。！？.!?]$/.test(s) ? s : `${s}。`);

const STATUS_ZH: Record<string, string> = {
  open: '整改中',
  answered: '已反馈待核查',
  corrected: '已整改',
  dismissed: '已撤销',
  resolved: '已消除',
};

function requirementBlocks(requirements: string | undefined, fallback: string[]): Block[] {
  const lines = (requirements ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return (lines.length ? lines : fallback).map((l, i) => `${i + 1}. ${sentence(l)}`);
}

export interface UnitDocInput {
  kind: 'suggestion' | 'supervise_notice';
  organ: string;
  docNo: string;
  issuedOn: string;
  unitName: string;
  findings: DocFinding[];
  requirements?: string;
  /** The reply deadline (default: 10 days after issue). */
  deadline?: string;
}

/** 执法建议书 / 督办通知书 to one unit. */
export function unitDocument(d: UnitDocInput): OfficialDocument {
  const deadline = d.deadline ?? addDays(d.issuedOn, 10);
  const list: Block[] = d.findings.map(
    (x, i) =>
      `${i + 1}. ${sentence(x.message)}（发生于${cnDate(x.occurredOn)}，整改期限${cnDate(x.rectifyDueOn)}，${STATUS_ZH[x.status] ?? x.status}）`,
  );
  const title = SUPERVISION_DOC_KIND_NAMES[d.kind].zh;
  const body: Block[] =
    d.kind === 'suggestion'
      ? [
          `我局在执法监督中发现，你单位在执法办案中存在以下问题（共${d.findings.length}项）：`,
          ...list,
          '上述问题反映出执法办案中仍存在程序意识不强、执法不够规范等情况。为切实提高执法质量，根据《公安机关执法质量考核评议规定》，现提出如下建议：',
          ...requirementBlocks(d.requirements, [
            '逐项核查上述问题，依法纠正，并对相关责任人员进行批评教育',
            '组织本单位民警对照问题开展自查，举一反三，防止同类问题再次发生',
            '加强法制员对案件的日常审核把关，落实“谁办案谁负责、谁审批谁负责”',
          ]),
          `请于${cnDate(deadline)}前将整改落实情况书面反馈分局法制支队。`,
        ]
      : [
          `经执法监督，你单位下列执法问题须重点督办（共${d.findings.length}项）：`,
          ...list,
          '现予督办，要求如下：',
          ...requirementBlocks(d.requirements, [
            '单位主要负责人亲自研究，明确整改责任人和整改措施',
            '逐项整改到位，并在执法监督平台反馈整改情况和佐证材料',
          ]),
          `请于${cnDate(deadline)}前整改完毕并书面报告整改结果。逾期未整改或整改不到位的，将依照执法过错责任追究有关规定追究相关人员责任。`,
        ];
  return {
    issuer: d.organ,
    title,
    docNo: d.docNo,
    addressee: `${d.unitName}：`,
    body,
    signature: { organ: d.organ, date: d.issuedOn },
    note: '联系单位：法制支队',
  };
}

export interface BulletinInput {
  organ: string;
  docNo: string;
  issuedOn: string;
  periodFrom: string;
  periodTo: string;
  stats: FindingAggregates;
  /** Every finding of the period, in print order (the attached 问题清单). */
  findings: DocFinding[];
  requirements?: string;
}

/** Findings listed in the attachment at most; the counts above always cover all of them. */
export const BULLETIN_LIST_MAX = 300;
const TYPICAL_MAX = 5;

/** 执法质量通报 of a period, built from its findings. */
export function bulletinDocument(d: BulletinInput): OfficialDocument {
  const t = d.stats.totals;
  const r = d.stats.rectification;
  const body: Block[] = [
    `为进一步规范执法行为、提升执法质量，现将${cnDate(d.periodFrom)}至${cnDate(d.periodTo)}全局执法监督情况通报如下：`,
    { runs: '一、总体情况', level: 1, indent: true },
    `通报期内，通过执法监督平台巡查、执法记录仪抽查、民意回访和案件审核等方式，共发现执法问题${t.found}起，已整改${t.corrected}起，其中责令整改后确认违规${t.confirmed}起；尚在整改中${t.open}起，其中逾期${t.overdue}起；经核查撤销${t.dismissed}起，自行消除${t.resolved}起。已整改问题中按期整改${r.onTime}起，按期整改率${percent(r.onTimeRate)}。`,
    { runs: '二、问题类型分布', level: 1, indent: true },
    ...(d.stats.byRule.length
      ? d.stats.byRule.map((x, i) => `${i + 1}. ${x.name}：${x.count}起，尚未整改${x.open}起。`)
      : ['通报期内未发现执法问题。']),
    { runs: '三、各单位情况', level: 1, indent: true },
    ...d.stats.byUnit.map(
      (u, i) =>
        `${i + 1}. ${u.unitName}：发现问题${u.count}起，尚未整改${u.open}起，逾期${u.overdue}起，按期整改率${percent(u.onTimeRate)}。`,
    ),
  ];
  // The unit's timeliness on the day of issue: still open past the deadline, or answered after
  // it and not yet verified. An answer in time waiting for verification is not the unit's delay.
  const overdue = d.findings
    .map((x) => ({ x, t: rectificationTimeliness(x, d.issuedOn) }))
    .filter(({ t }) => t.overdue);
  body.push({ runs: '四、逾期整改问题', level: 1, indent: true });
  body.push(
    ...(overdue.length
      ? overdue.map(
          ({ x, t }, i) =>
            `${i + 1}. ${x.unitName}：${sentence(x.message)}（整改期限${cnDate(x.rectifyDueOn)}，${
              x.status === 'open' ? `逾期${t.daysLate}天未整改` : `逾期${t.daysLate}天反馈整改，待核查`
            }）`,
        )
      : ['通报期内发现的问题均按期整改或尚在整改期限内。']),
  );
  const typical = [
    ...d.findings.filter((x) => x.confirmedViolation),
    ...d.findings.filter((x) => !x.confirmedViolation && x.status === 'corrected'),
  ].slice(0, TYPICAL_MAX);
  body.push({ runs: '五、典型问题', level: 1, indent: true });
  body.push(
    ...(typical.length
      ? typical.map(
          (x, i) =>
            `（${ordinal(i)}）${x.unitName}：${sentence(x.message)}${x.confirmedViolation ? '经责令整改后确认为违规。' : ''}${x.closedReason ? `整改情况：${sentence(x.closedReason)}` : ''}`,
        )
      : ['无。']),
  );
  body.push({ runs: '六、工作要求', level: 1, indent: true });
  body.push(
    ...requirementBlocks(d.requirements, [
      '各单位要对照通报问题逐项整改，举一反三，开展自查自纠',
      '逾期未整改的单位要在5个工作日内整改到位，并向法制支队书面说明原因',
      '各单位法制员要加强日常审核把关，通报情况纳入季度执法质量考评和绩效考核',
    ]),
  );

  const listed = d.findings.slice(0, BULLETIN_LIST_MAX);
  const trailer: Block[] = [
    { runs: '附件', indent: false, align: 'left', level: 1 },
    { runs: '执法问题清单', indent: false, align: 'center' },
    ...listed.map(
      (x, i) =>
        `${i + 1}. ${x.unitName}｜${cnDate(x.occurredOn)}｜${sentence(x.message)}（${STATUS_ZH[x.status] ?? x.status}${x.confirmedViolation ? '，确认违规' : ''}）`,
    ),
  ];
  if (d.findings.length > listed.length)
    trailer.push(`（另有${d.findings.length - listed.length}起问题未列出，详见执法监督平台。）`);
  return {
    issuer: d.organ,
    title: SUPERVISION_DOC_KIND_NAMES.quality_bulletin.zh,
    docNo: d.docNo,
    addressee: '各执法办案单位：',
    body,
    attachments: ['执法问题清单'],
    signature: { organ: d.organ, date: d.issuedOn },
    trailer,
  };
}

/** The document's title as listed: kind, addressee or period. */
export function documentTitle(kind: SupervisionDocKind, unitName: string | null, from?: string, to?: string) {
  const name = SUPERVISION_DOC_KIND_NAMES[kind].zh;
  if (kind === 'quality_bulletin' && from && to) return `${name}（${cnDate(from)}至${cnDate(to)}）`;
  return unitName ? `关于${unitName}的${name}` : name;
}

export { branchName };
