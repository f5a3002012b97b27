/**
 * 提请批准逮捕书 to the 同级人民检察院 (刑事诉讼法 art.87; 程序规定 art.137): the suspect as
 * 犯罪嫌疑人 with particulars and 强制措施, the case's origin, the facts, the evidence, 认罪认罚
 * where recorded, and the conditions of arrest of art.81 with the charge's 刑法 article.
 */
import { type DocContext, type DocSpec, jurisdiction } from './common.ts';
import {
  evidenceBlocks,
  facts,
  offenceClause,
  origin,
  pleaBlocks,
  suspectName,
  suspectParagraphs,
} from './criminal.ts';
import { CRIMINAL_PROCEDURE, inForce } from './law-refs.ts';

export function arrestRequest(ctx: DocContext): DocSpec {
  const law = inForce(CRIMINAL_PROCEDURE, ctx.decidedOn);
  return {
    addressee: `${jurisdiction(ctx.organ).procuratorate}：`,
    body: [
      ...suspectParagraphs(ctx),
      origin(ctx),
      ...facts(ctx),
      ...evidenceBlocks(ctx, '认定上述犯罪事实的证据如下：'),
      ...pleaBlocks(ctx),
      `综上所述，${suspectName(ctx)}${offenceClause(ctx)}，有证据证明有犯罪事实，可能判处徒刑以上刑罚，采取取保候审尚不足以防止发生社会危险性。依照${law.arrestRequest}之规定，特提请批准逮捕。`,
    ],
    note: ctx.masked ? '本件为隐去个人信息的副本' : undefined,
  };
}
