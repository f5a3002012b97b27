/**
 * 不予立案通知书 to the complainant: the reasons (刑事诉讼法 art.112: 将不立案的原因通知控告人),
 * the basis, and the complainant's 复议 before the deciding organ within the period of
 * 公安机关办理刑事案件程序规定 (2020) art.179 (seven days), read from the rule in force on the
 * decision date.
 */

import {
  type DocContext,
  type DocSpec,
  displayName,
  period,
  periodText,
  scrubber,
  sentence,
  textDate,
} from './common.ts';
import { CRIMINAL_PROCEDURE, inForce } from './law-refs.ts';

export function notFiled(ctx: DocContext): DocSpec {
  const scrub = scrubber(ctx);
  const law = inForce(CRIMINAL_PROCEDURE, ctx.decidedOn);
  const who = ctx.party ? displayName(ctx.party, ctx.masked) : '控告人';
  const days = periodText(period(ctx, 'notFiledReconsideration'));
  const reasons = scrub(ctx.decision.reasoning).trim();
  return {
    addressee: `${who}：`,
    body: [
      `你（单位）于${textDate(ctx.receivedOn)}提出控告（报案、举报）的${scrub(ctx.caseRow.title)}一案，我局经审查认为：${
        reasons ? sentence(reasons) : '（原因未载明）。'
      }`,
      `根据${law.notFiled}之规定，决定不予立案。`,
      // 程序规定 art.179: 收到不予立案通知书后七日以内; counted from the day after receipt.
      `如不服本决定，可以在收到本通知书之日起${days}内向${ctx.organ}申请复议。`,
    ],
    note: ctx.masked ? '本件为隐去个人信息的副本' : '本通知书一式两份，一份送达控告人，一份附卷',
  };
}
