/**
 * 行政处罚决定书 and 不予行政处罚决定书 (decision kinds warning, fine, detention, confiscation,
 * no_penalty) with what 行政处罚法 art.59 requires: the party's name or title and address, the
 * facts and their evidence, each penalty and its basis, the way and time to carry it out, how
 * and when to seek 复议 or sue, the organ and the date (the last two in the signature).
 */
import type { Block } from '../../../platform-io/docx.ts';
import {
  basisText,
  cnCount,
  type DocContext,
  type DocSpec,
  displayName,
  evidenceNames,
  jurisdiction,
  type PenaltyNotice,
  particulars,
  period,
  periodText,
  scrubber,
  sentence,
  textDate,
  yuan,
} from './common.ts';
import {
  DETENTION_DEFERRAL_LAW,
  inForce,
  ON_THE_SPOT_RECONSIDERATION_FIRST,
  PENALTY_LAW,
  RECONSIDERATION_LAW,
} from './law-refs.ts';

/**
 * Each penalty of the decision, the 并处 ones included: a detention row may carry a fine
 * (拘留并处罚款). `confiscation` is the 没收 penalty only on a row of that kind; on any other row
 * it lists items seized (收缴), which are no penalty and are printed apart.
 */
export function penalties(d: DocContext['decision']): string[] {
  const out: string[] = [];
  if (d.kind === 'warning') out.push('警告');
  if (d.kind === 'detention') out.push(`行政拘留${cnCount(d.detentionDays ?? 0)}日`);
  if (d.fineAmount !== null && Number(d.fineAmount) > 0) out.push(`罚款人民币${yuan(d.fineAmount)}元`);
  if (d.kind !== 'detention' && d.detentionDays) out.push(`行政拘留${cnCount(d.detentionDays)}日`);
  if (d.kind === 'confiscation' && d.confiscation) out.push(`没收${d.confiscation.replace(/^没收/, '')}`);
  return out;
}

type OffencePenalty = { name: string; penalties: { type: string; amount?: number; days?: number }[] };

/** One offence's penalties in the words of the 决定书 (分别决定). */
function offencePenaltyWords(o: OffencePenalty, confiscated: string | null): string[] {
  return o.penalties.map((x) => {
    switch (x.type) {
      case 'warning':
        return '警告';
      case 'fine':
        return `罚款人民币${yuan(String(x.amount ?? 0))}元`;
      case 'detention':
        return `行政拘留${cnCount(x.days ?? 0)}日`;
      case 'confiscation':
        return `没收${(confiscated ?? '违法所得、非法财物').replace(/^没收/, '')}`;
      case 'licence_suspension':
        return '暂扣许可证件';
      case 'licence_revocation':
        return '吊销许可证件';
      default:
        return '限期出境';
    }
  });
}

/**
 * 现决定：对…的殴打他人行为处…；对其故意损毁财物行为处…；合并执行… — several offences decided
 * one by one (治安管理处罚法 art.16 in both the 2012 and the 2025 text), each with its article, then
 * executed together.
 */
function perOffenceDecision(ctx: DocContext, whom: string, list: OffencePenalty[]): string {
  const d = ctx.decision;
  const parts = list.map((o, i) => {
    const item = ctx.items.find((it) => it.name === o.name);
    const basis = item ? `根据${basisText([item])}之规定，` : '';
    return `${basis}对${i === 0 ? whom : '其'}${o.name}行为${decisionWords(offencePenaltyWords(o, d.confiscation))}`;
  });
  return `现决定：${parts.join('；')}；合并执行：${decisionWords(penalties(d))}。`;
}

/** 给予警告 / 处行政拘留五日，并处罚款人民币500元. */
function decisionWords(list: string[]): string {
  return list
    .map((p, i) => {
      const verb = p === '警告' ? '给予' : p.startsWith('没收') ? '' : '处';
      return `${i === 0 ? '' : '并'}${verb}${p}`;
    })
    .join('，');
}

function partyParagraph(ctx: DocContext): Block {
  const p = ctx.party;
  if (!p) return { runs: '违法行为人：（未载明）', indent: true };
  const label = p.kind === 'organisation' ? '被处罚单位' : '违法行为人';
  return { runs: `${label}：${displayName(p, ctx.masked)}${particulars(p, ctx.masked)}。`, indent: true };
}

/** The 复议 organ by the 行政复议法 in force on the decision date. */
export function reconsiderationOrgan(ctx: Pick<DocContext, 'organ' | 'decidedOn'>): string {
  const j = jurisdiction(ctx.organ);
  return inForce(RECONSIDERATION_LAW, ctx.decidedOn).superiorToo
    ? `${j.government}或者${j.superior}`
    : j.government;
}

/** 如不服本决定… with the organ and the periods in force; 复议前置 for an on-the-spot decision. */
export function remedies(ctx: DocContext, who: string): string {
  const organ = reconsiderationOrgan(ctx);
  const apply = periodText(period(ctx, 'adminReconsideration'));
  const first = inForce(ON_THE_SPOT_RECONSIDERATION_FIRST, ctx.decidedOn);
  if (ctx.onTheSpot && first) {
    const sue = periodText(period(ctx, 'litigationAfterReconsideration'));
    return `${who}对当场作出的本决定不服的，应当自收到本决定书之日起${apply}内先向${organ}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起${sue}内依法向人民法院提起行政诉讼（${first}）。`;
  }
  const sue = periodText(period(ctx, 'adminLitigation'));
  return `${who}如不服本决定，可以在收到本决定书之日起${apply}内向${organ}申请行政复议，或者在${sue}内依法向人民法院提起行政诉讼。`;
}

/** 履行方式和期限: payment with 加处罚款, detention with 暂缓执行, a warning, what is forfeited. */
function execution(ctx: DocContext, who: string): string[] {
  const d = ctx.decision;
  const out: string[] = [];
  const fined = d.fineAmount !== null && Number(d.fineAmount) > 0;
  if (d.kind === 'warning') out.push('执行方式：警告自本决定书送达时执行。');
  // 不执行行政拘留 (minors, 70 and over, pregnant or nursing): as the penalty check found at the decision.
  const notExecuted = ((d.lawNotices ?? []) as { rule: string; message: string; basis: string }[]).find(
    (n) => n.rule === 'detention_not_executed',
  );
  if ((d.kind === 'detention' || d.detentionDays) && notExecuted) {
    out.push(
      `执行方式：${notExecuted.message.replace(/^行为人/, `${who}`)}，依照${notExecuted.basis}的规定，本决定的行政拘留不执行。`,
    );
  } else if (d.kind === 'detention' || d.detentionDays) {
    out.push('执行方式：行政拘留由本机关送达拘留所执行。');
    const deferral = inForce(DETENTION_DEFERRAL_LAW, ctx.decidedOn);
    out.push(
      `${who}不服行政拘留处罚决定，申请行政复议、提起行政诉讼的，可以向公安机关提出暂缓执行行政拘留的申请${
        deferral.conditions ? `；${deferral.conditions}` : ''
      }（${deferral.citation}）。`,
    );
  }
  if (fined) {
    const days = periodText(period(ctx, 'finePayment'));
    out.push(
      `缴纳罚款的方式和期限：${who}应当自收到本决定书之日起${days}内，到指定的银行或者通过电子支付系统缴纳罚款（${PENALTY_LAW.payment}）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额（${PENALTY_LAW.surcharge}）。`,
    );
  }
  if (d.kind === 'confiscation') out.push('没收的财物由本机关依照国家规定处理。');
  if (fined)
    out.push(
      `申请行政复议或者提起行政诉讼的，本决定不停止执行，加处罚款的数额在行政复议或者行政诉讼期间不予计算（${PENALTY_LAW.notSuspended}）。`,
    );
  return out;
}

/**
 * 告知 and what came of it (行政处罚法 arts.44–45, 63–64; 治安管理处罚法 2025 arts.112, 117): the
 * day the party was told, the statement and its review, the hearing asked for or not.
 */
function noticeParagraph(n: PenaltyNotice, who: string, scrub: (s: string) => string): string {
  const rights = n.hearing ? '陈述、申辩和要求听证' : '陈述和申辩';
  const parts = [
    `本机关于${textDate(n.informedOn)}依法${n.publicNotice ? '以公告方式' : ''}告知${who.replace('被处罚', '违法行为')}拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有${rights}的权利`,
  ];
  parts.push(
    n.statement === 'stated'
      ? `其提出了陈述、申辩，经复核，${scrub(n.statementReview ?? '')
          .replace(/^经复核[，,：:]?/, '')
          .replace(/[。.]+$/, '')}`
      : n.publicNotice
        ? '其自公告之日起七日内未提出陈述、申辩'
        : '其未提出陈述、申辩',
  );
  if (n.hearing === 'waived') parts.push('并放弃要求听证');
  else if (n.hearingOutcome?.startsWith('hearing_window:')) parts.push('在法定期限内未要求听证');
  else if (n.hearingOutcome?.startsWith('hearing:'))
    parts.push(`本机关${n.hearingHeldOn ? `于${textDate(n.hearingHeldOn)}` : '已'}依法举行听证`);
  return `${parts.join('；')}。`;
}

export function adminPenalty(ctx: DocContext): DocSpec {
  const d = ctx.decision;
  const scrub = scrubber(ctx);
  const p = ctx.party;
  const who = d.kind === 'no_penalty' ? '当事人' : p?.kind === 'organisation' ? '被处罚单位' : '被处罚人';
  const whom = p
    ? `${p.kind === 'organisation' ? '被处罚单位' : '违法行为人'}${displayName(p, ctx.masked)}`
    : '违法行为人';
  const basis = basisText(ctx.items) || '有关法律规定';
  const evidence = evidenceNames(ctx);
  const body: Block[] = [
    partyParagraph(ctx),
    `现查明：${sentence(scrub(d.facts))}`,
    evidence.length
      ? `以上事实有${evidence.join('、')}等证据证实。`
      : '以上事实的证据：（案件未登记证据材料）。',
  ];
  if (d.reasoning.trim()) body.push(sentence(scrub(d.reasoning)));
  const told = ctx.notice && d.kind !== 'no_penalty' ? noticeParagraph(ctx.notice, who, scrub) : null;
  if (told) body.push(told);
  if (d.kind === 'no_penalty') {
    body.push(`上述行为违反了${basis}的规定，现决定对${whom}不予行政处罚。`);
  } else {
    const perOffence = (d.offencePenalties ?? []) as OffencePenalty[];
    body.push(
      perOffence.length > 1
        ? perOffenceDecision(ctx, whom, perOffence)
        : `根据${basis}之规定，现决定：对${whom}${decisionWords(penalties(d))}。`,
    );
    const forfeited = perOffence.some((o) => o.penalties.some((x) => x.type === 'confiscation'));
    // 收缴 (违禁品, 赌具赌资, 作案工具) is not a penalty: listed apart from the penalties.
    if (d.confiscation && d.kind !== 'confiscation' && !forfeited)
      body.push(
        `对查获的${scrub(d.confiscation)
          .trim()
          .replace(/[。.；;]+$/, '')}依法予以收缴。`,
      );
    body.push(...execution(ctx, who));
  }
  body.push(remedies(ctx, who));
  return {
    body,
    note: ctx.masked ? '本件为隐去个人信息的副本' : '本决定书一式两份，一份交当事人，一份附卷',
  };
}
