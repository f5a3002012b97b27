/**
 * 撤销案件决定书: the case, the reasons, the basis (刑事诉讼法 art.163, and art.16 where the
 * reasons name one of its grounds; 程序规定 2020 art.186) and the notice to the former suspect,
 * the victim and the transferring organ within the period of 程序规定 art.189.
 */
import { type DocContext, type DocSpec, period, periodText, scrubber, sentence } from './common.ts';
import { suspectParagraphs } from './criminal.ts';
import { CRIMINAL_PROCEDURE, inForce } from './law-refs.ts';

/**
 * The grounds of 刑事诉讼法 art.16 (情节显著轻微, 追诉时效, 特赦, 告诉才处理, 死亡). The decision
 * records its reasons as text only, so art.16 is cited when the reasons use the article's words.
 */
const ART_16_GROUNDS = /情节显著轻微|追诉时效|特赦|告诉才处理|死亡/;

export function caseRevoked(ctx: DocContext): DocSpec {
  const scrub = scrubber(ctx);
  const law = inForce(CRIMINAL_PROCEDURE, ctx.decidedOn);
  const reasons = scrub(ctx.decision.reasoning).trim();
  const articles = ART_16_GROUNDS.test(reasons)
    ? `${law.caseRevokedGrounds}、${law.caseRevoked}`
    : law.caseRevoked;
  const notice = periodText(period(ctx, 'caseRevokedNotice'));
  const known = ctx.party !== undefined || ctx.parties.some((p) => p.role === 'suspect');
  return {
    body: [
      ...(known ? suspectParagraphs(ctx, '原') : []),
      `我局办理的${scrub(ctx.caseRow.title)}，${reasons ? `因${sentence(reasons).replace(/。$/, '')}，` : ''}根据《中华人民共和国刑事诉讼法》${articles}和${law.revokedRule}之规定，决定撤销此案。`,
      `本局自本决定作出之日起${notice}以内，将撤销案件的决定告知原犯罪嫌疑人、被害人或者其近亲属、法定代理人以及案件移送机关（${law.revokedNoticeRule}）。`,
    ],
    note: ctx.masked ? '本件为隐去个人信息的副本' : undefined,
  };
}
