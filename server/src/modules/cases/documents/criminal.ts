/**
 * Parts the criminal documents to the procuratorate share (提请批准逮捕书, 起诉意见书): the
 * suspect called 犯罪嫌疑人 with the particulars and 强制措施, the case's origin, the evidence
 * one item a line, 认罪认罚 where recorded, and the charge with its 刑法 article.
 */
import { COERCIVE_MEASURE_NAMES } from '@fazhi/common';
import type { Block } from '../../../platform-io/docx.ts';
import {
  basisText,
  type DocContext,
  type DocParty,
  displayName,
  evidenceNames,
  offenceNames,
  particulars,
  scrubber,
  sentence,
  suspects,
  textDate,
} from './common.ts';

export function suspectLabel(p: DocParty, prefix = ''): string {
  return `${prefix}${p.kind === 'organisation' ? '犯罪嫌疑单位' : '犯罪嫌疑人'}`;
}

/** 犯罪嫌疑人张三，性别男，…；因本案于2024年3月1日被刑事拘留，现羁押于…。 */
export function suspectParagraphs(ctx: DocContext, prefix = ''): Block[] {
  const list = suspects(ctx);
  if (list.length === 0) return [`${prefix}犯罪嫌疑人：（未载明）。`];
  return list.map((p) => {
    const measures = (ctx.measures ?? [])
      .filter((m) => m.partyId == null || m.partyId === p.id)
      .map((m) => `${textDate(m.on)}被${COERCIVE_MEASURE_NAMES[m.kind].zh}${m.place ? `，${m.place}` : ''}`)
      .join('；');
    return `${suspectLabel(p, prefix)}${displayName(p, ctx.masked)}${particulars(p, ctx.masked)}${
      measures ? `。因涉嫌本案，${measures}` : ''
    }。`;
  });
}

/** The first suspect's name as the text refers to them (犯罪嫌疑人张三). */
export function suspectName(ctx: DocContext): string {
  const list = suspects(ctx);
  if (list.length === 0) return '犯罪嫌疑人';
  return list.map((p) => `${suspectLabel(p)}${displayName(p, ctx.masked)}`).join('、');
}

export function charge(ctx: DocContext): string {
  return offenceNames(ctx.items) || '（罪名未载明）';
}

/** 犯罪嫌疑人张三涉嫌盗窃罪一案，我局于…受理，于…立案侦查。 */
export function origin(ctx: DocContext): string {
  const filed = ctx.filedOn ? `，于${textDate(ctx.filedOn)}立案侦查` : '';
  return `${suspectName(ctx)}涉嫌${charge(ctx)}一案，我局于${textDate(ctx.receivedOn)}受理${filed}。`;
}

export function facts(ctx: DocContext): Block[] {
  const scrub = scrubber(ctx);
  const out: Block[] = [`经依法侦查查明：${sentence(scrub(ctx.decision.facts))}`];
  if (ctx.decision.reasoning.trim()) out.push(sentence(scrub(ctx.decision.reasoning)));
  return out;
}

export function evidenceBlocks(ctx: DocContext, heading: string): Block[] {
  const names = evidenceNames(ctx);
  if (names.length === 0) return [`${heading}（案件未登记证据材料）。`];
  return [heading, ...names.map((n, i) => `${i + 1}. ${n}${i === names.length - 1 ? '。' : '；'}`)];
}

/** 认罪认罚 as recorded (程序规定 arts.137, 289: 应当…写明有关情况); nothing when not recorded. */
export function pleaBlocks(ctx: DocContext): Block[] {
  const plea = ctx.guiltyPlea?.trim();
  return plea ? [`认罪认罚情况：${sentence(scrubber(ctx)(plea))}`] : [];
}

/** After the suspect's name: 的行为已触犯《中华人民共和国刑法》第二百六十四条之规定，涉嫌盗窃罪 */
export function offenceClause(ctx: DocContext): string {
  const basis = basisText(ctx.items);
  return `${basis ? `的行为已触犯${basis}之规定，` : ''}涉嫌${charge(ctx)}`;
}
