/**
 * 起诉意见书 to the 同级人民检察院 (刑事诉讼法 art.162; 程序规定 art.289): the suspect as
 * 犯罪嫌疑人 with particulars and 强制措施, the case's origin, the facts and the evidence, 认罪认罚
 * where recorded (art.162 para.2: 应当…在起诉意见书中写明有关情况), and the charge.
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

export function prosecutionOpinion(ctx: DocContext): DocSpec {
  const law = inForce(CRIMINAL_PROCEDURE, ctx.decidedOn);
  return {
    addressee: `${jurisdiction(ctx.organ).procuratorate}：`,
    body: [
      ...suspectParagraphs(ctx),
      origin(ctx),
      ...facts(ctx),
      ...evidenceBlocks(ctx, '认定上述犯罪事实的证据如下：'),
      '上述犯罪事实清楚，证据确实、充分，足以认定。',
      ...pleaBlocks(ctx),
      `综上所述，${suspectName(ctx)}${offenceClause(ctx)}。依照${law.prosecution}之规定，现将此案移送审查起诉。`,
    ],
    note: ctx.masked ? '本件为隐去个人信息的副本' : undefined,
  };
}
