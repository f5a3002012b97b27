/**
 * The texts of the decision documents (行政处罚决定书, 不予立案通知书 …) in the layout of the
 * shared official-document builder. Personal data is printed whole on the document served to
 * the party and masked on a copy for anyone else.
 */
import { maskAddress, maskIdNumber, maskName, maskPhone, ruleInForce } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { caseParties, type cases, type decisions, legalRules, penaltyItems } from '../../db/schema/index.ts';
import { type Block, buildOfficialDocx } from '../../platform-io/docx.ts';
import { chinaDateOf } from './cases.service.ts';
import { branchName, DOC_WORDS } from './numbers.ts';

type Decision = typeof decisions.$inferSelect;
type Case = typeof cases.$inferSelect;
type Party = typeof caseParties.$inferSelect;

const CN_DIGITS = '零一二三四五六七八九';
/** 7 → 七, 15 → 十五, 60 → 六十 (the periods printed in the notices' instructions). */
function cnCount(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 100) {
    const t = Math.floor(n / 10);
    const o = n % 10;
    return `${t === 1 ? '' : CN_DIGITS[t]}十${o ? CN_DIGITS[o] : ''}`;
  }
  return String(n);
}

function penaltyText(d: Decision): string {
  switch (d.kind) {
    case 'warning':
      return '给予警告';
    case 'fine':
      return `处罚款人民币${Number(d.fineAmount ?? 0).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
    case 'detention':
      return `处行政拘留${cnCount(d.detentionDays ?? 0)}日`;
    case 'confiscation':
      return `没收${d.confiscation ?? ''}`;
    case 'no_penalty':
      return '不予行政处罚';
    default:
      return '';
  }
}

function genderAndBirth(id: string | null): string {
  if (id?.length !== 18) return '';
  const male = Number(id[16]) % 2 === 1;
  return `，性别${male ? '男' : '女'}，出生日期${id.slice(6, 10)}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日`;
}

function partyLine(p: Party | undefined, masked: boolean): string {
  if (!p) return '违法行为人：（未载明）';
  const name = masked ? maskName(p.name) : p.name;
  if (p.kind === 'organisation') {
    return `被处罚单位：${p.name}${p.creditCode ? `，统一社会信用代码${p.creditCode}` : ''}${
      p.address ? `，地址${masked ? maskAddress(p.address) : p.address}` : ''
    }。`;
  }
  const id = p.idNumber ? `，公民身份号码${masked ? maskIdNumber(p.idNumber) : p.idNumber}` : '';
  const addr = p.address ? `，现住址${masked ? maskAddress(p.address) : p.address}` : '';
  return `违法行为人：${name}${masked ? '' : genderAndBirth(p.idNumber)}${id}${addr}。`;
}

async function ruleDays(db: Queryable, code: string, on: string, fallback: number): Promise<number> {
  const rows = await db.select().from(legalRules).where(eq(legalRules.code, code));
  return ruleInForce(rows, code, on)?.amount ?? fallback;
}

export interface DocumentInput {
  decision: Decision;
  caseRow: Case;
  masked: boolean;
}

/** The .docx of a decision, and its file name. */
export async function decisionDocument(db: Queryable, { decision: d, caseRow: c, masked }: DocumentInput) {
  const organ = await branchName(db, d.orgId);
  const party = d.partyId
    ? (await db.select().from(caseParties).where(eq(caseParties.id, d.partyId)))[0]
    : undefined;
  const decidedOn = chinaDateOf(d.decidedAt);
  // A masked copy hides every party's name, ID number and phone wherever the text quotes them.
  const everyone = masked ? await db.select().from(caseParties).where(eq(caseParties.caseId, c.id)) : [];
  const scrub = (text: string) =>
    everyone.reduce((acc, p) => {
      let out = acc.split(p.name).join(p.kind === 'person' ? maskName(p.name) : p.name);
      if (p.idNumber) out = out.split(p.idNumber).join(maskIdNumber(p.idNumber));
      if (p.phone) out = out.split(p.phone).join(maskPhone(p.phone));
      return out;
    }, text);
  const words = DOC_WORDS[d.kind as keyof typeof DOC_WORDS];
  const docName = words?.docName ?? '决定书';
  let body: Block[];
  let addressee: string | undefined;
  if (d.kind === 'not_filed') {
    const who = party ? (masked ? maskName(party.name) : party.name) : '控告人';
    const days = await ruleDays(db, 'reconsideration_apply', decidedOn, 7);
    addressee = `${who}：`;
    body = [
      `你（单位）于${chinaDateOf(c.receivedAt).replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`)}提出控告（报案、举报）的${scrub(c.title)}一案，我局经审查认为：${scrub(d.reasoning).replace(/[。.]$/, '')}。`,
      '根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定不予立案。',
      `如不服本决定，可以在收到本通知书之日起${cnCount(days)}日内向我局申请复议。`,
    ];
  } else {
    const items = d.penaltyItemCodes.length
      ? await db.select().from(penaltyItems).where(eq(penaltyItems.orgId, d.orgId))
      : [];
    const basis = items
      .filter((i) => d.penaltyItemCodes.includes(i.code))
      .map((i) => `《中华人民共和国${i.law.replace(/^中华人民共和国/, '')}》${i.article}`)
      .join('、');
    const admin = c.caseType === 'admin';
    body = [
      { runs: partyLine(party, masked), indent: true },
      `现查明：${scrub(d.facts)}`,
      ...(d.reasoning ? [scrub(d.reasoning)] : []),
      `根据${basis || '有关法律规定'}之规定，现决定：${admin ? penaltyText(d) : docName.replace(/书$/, '')}。`,
    ];
    if (d.kind === 'fine')
      body.push(
        '执行方式和期限：被处罚人应当自收到本决定书之日起十五日内到指定的银行或者通过电子支付系统缴纳罚款。',
      );
    if (d.kind === 'detention') body.push('执行方式和期限：送拘留所执行。');
    if (admin)
      body.push(
        `如不服本决定，可以在收到本决定书之日起六十日内向${organ.replace(/公安分局$/, '')}人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。`,
      );
  }
  const buffer = await buildOfficialDocx({
    issuer: organ,
    title: docName,
    docNo: d.docNo,
    docNoAlign: 'right',
    addressee,
    body,
    signature: { organ, date: decidedOn },
    note: masked ? '本件为隐去个人信息的副本' : '本决定书一式两份，一份交当事人，一份附卷',
  });
  return { buffer, fileName: `${docName}-${d.docNo}.docx` };
}
