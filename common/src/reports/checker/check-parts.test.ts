import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';

const kinds = (text: string) => checkReport(text).map((f) => f.kind);

describe('parts against their total (parts_exceed_total / parts_do_not_sum)', () => {
  it('flags 其中 parts that add up to more than the total, quoting the sentence', () => {
    const text = '全年完成安保任务150次，其中一级20次，二级90次，大型活动安保60次80天。';
    const [f, ...rest] = checkReport(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'parts_exceed_total',
      severity: 'error',
      arithmetic: '20+90+60=170 > 150',
    });
    expect(f!.excerpts).toEqual(['全年完成安保任务150次，其中一级20次，二级90次，大型活动安保60次']);
    expect(text).toContain(f!.excerpts[0]);
  });

  it('flags a complete list (其他 …) that falls short of its total', () => {
    const text = '保留权力事项500项，其中，行政审批30项、行政处罚400项和其他行政权力39项。';
    const [f] = checkReport(text);
    expect(f).toMatchObject({
      kind: 'parts_do_not_sum',
      severity: 'error',
      arithmetic: '30+400+39=469 ≠ 500',
    });
  });

  it('flags a parenthesised breakdown that does not add up', () => {
    expect(kinds('共立刑事案件76起（寻衅滋事1起，诈骗70起）。')).toEqual(['parts_do_not_sum']);
  });

  it('flags parts after 其中 at the start of the next sentence', () => {
    expect(kinds('发现违规受立案情况14起。其中，确认违规案件341起。')).toEqual(['parts_exceed_total']);
  });

  it('flags parts followed by a 合计 that they do not make', () => {
    expect(kinds('受理甲类8件、乙类5件，合计15件。')).toEqual(['parts_do_not_sum']);
  });

  it('is silent on correct breakdowns (false-alarm test)', () => {
    const good = [
      '分局累计排查数据34285条，其中风险地区抵渝33709条、境外入渝数据576条，未发现异常。',
      '共立涉疫情刑事案76件起（寻衅滋事1起，诈骗75起），采取刑事强制措施17人，其中刑事拘留7人，监视居住10人。',
      '保留行政权力事项1060项，其中，行政审批30项、行政处罚914项、行政强制33项、行政确认13项、行政奖励10项、行政检查21项和其他行政权力39项。',
      '出庭参与行政诉讼案件25件，其中判决驳回17件，裁定驳回起诉2件，按撤诉1件，未审结4件，败诉1件。',
      '采录矛盾纠纷9520起，成功化解8837起、进入司法程序102起、继续调解402起、移送其他部门179起。',
      // A 其中 list may be partial: a smaller sum is no error.
      '接处涉疫情警情558起，其中治安警情5起，均已妥善处置。',
      '通过法律职业资格考试民警共61人，其中公职律师33人。',
      // Parts in another unit are not parts (254天 beside 155次).
      '完成任务300次，其中一级27次，二级108次，大型活动安保155次254天。',
      // Approximate parts only bound the sum.
      '提供服务5万余件，其中化解纠纷1.5万余件。',
      // A list that already makes its total is over; what follows is a new statement.
      '受理案件100件，其中刑事案件60件，行政案件40件，结案90件。',
      // 其中 as a pronoun with nothing before it.
      '召开培训会，对其中涉及的48个条文、总则和分则共计47个问题进行讲解。',
    ];
    for (const text of good) expect(checkReport(text), text).toEqual([]);
  });
});
