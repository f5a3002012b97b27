/**
 * 撤销案件决定书: the case, the reasons, the basis (刑事诉讼法 art.163, and art.16 where the
 * reasons name one of its grounds; 程序规定 2020 art.186) and the notice to the former suspect,
 * the victim and the transferring organ within the period of 程序规定 art.189.
 */
import { REVOKE_GROUND_NAMES, type RevokeGround } from '@fazhi/common';
import { cnCount, type DocContext, type DocSpec, period, periodText, scrubber, sentence } from './common.ts';
import { suspectParagraphs } from './criminal.ts';
import { CRIMINAL_PROCEDURE, inForce } from './law-refs.ts';

/**
 * The grounds of 刑事诉讼法 art.16 (情节显著轻微, 追诉时效, 特赦, 告诉才处理, 死亡). A decision made
 * before the ground was recorded has its reasons as text only: art.16 is cited when they use
 * the article's words.
 */
const ART_16_GROUNDS = /情节显著轻微|追诉时效|特赦|告诉才处理|死亡/;
/** The 程序规定 art.186 grounds that are also grounds of 刑事诉讼法 art.16. */
const ART_16_CODES: readonly RevokeGround[] = ['trivial', 'time_barred', 'amnesty', 'suspect_dead', 'other'];

export function caseRevoked(ctx: DocContext): DocSpec {
  const scrub = scrubber(ctx);
  const law = inForce(CRIMINAL_PROCEDURE, ctx.decidedOn);
  const reasons = scrub(ctx.decision.reasoning).trim();
  const ground = ctx.decision.revokeGround as RevokeGround | null | undefined;
  const art16 = ground ? ART_16_CODES.includes(ground) : ART_16_GROUNDS.test(reasons);
  const articles = art16 ? `${law.caseRevokedGrounds}、${law.caseRevoked}` : law.caseRevoked;
  const rule = ground
    ? `${law.revokedRule}第一款第${cnCount(REVOKE_GROUND_NAMES[ground].item)}项`
    : law.revokedRule;
  const because = `${reasons ? `${sentence(reasons).replace(/。$/, '')}，` : ''}${
    ground ? `属于${REVOKE_GROUND_NAMES[ground].zh}的情形，` : ''
  }`;
  const notice = periodText(period(ctx, 'caseRevokedNotice'));
  const known = ctx.party !== undefined || ctx.parties.some((p) => p.role === 'suspect');
  return {
    body: [
      ...(known ? suspectParagraphs(ctx, '原') : []),
      `我局办理的${scrub(ctx.caseRow.title)}，${because}根据《中华人民共和国刑事诉讼法》${articles}和${rule}之规定，决定撤销此案。`,
      `本局自本决定作出之日起${notice}以内，将撤销案件的决定告知原犯罪嫌疑人、被害人或者其近亲属、法定代理人以及案件移送机关（${law.revokedNoticeRule}）。`,
    ],
    note: ctx.masked ? '本件为隐去个人信息的副本' : undefined,
  };
}
