/**
 * Named events that belong to particular years (建党100周年安保, 政法队伍教育整顿, 新冠疫情防控…):
 * a paragraph about one, printed in a report of a year outside the event's, tells another year's
 * story even without a date. The list is data: an event is named by the words reports use for
 * it, with the years it ran. Generic words that outlive an event (扫黑除恶常态化, 疫情防控, 党的二十大
 * 精神) are deliberately not in it. Not flagged inside a title or before 以来 (新冠疫情发生以来).
 */
import { type DatedCheck, type DatedSpan, inTitle } from './dated-context.ts';

export interface DatedEvent {
  name: string;
  from: number;
  to: number;
  words: RegExp;
}

export const DATED_EVENTS: readonly DatedEvent[] = [
  { name: '新冠肺炎疫情防控', from: 2020, to: 2022, words: /新冠|健康码|核酸(?:检测|采样|初筛|筛查)|涉疫/g },
  { name: '决战脱贫攻坚', from: 2020, to: 2020, words: /决战脱贫攻坚|脱贫攻坚收官/g },
  { name: '党的十九届五中全会', from: 2020, to: 2021, words: /十九届五中全会/g },
  {
    name: '庆祝建党100周年',
    from: 2021,
    to: 2021,
    words: /建党(?:100|一百)周年|中国共产党成立(?:100|一百)周年|大庆安保/g,
  },
  { name: '党史学习教育', from: 2021, to: 2021, words: /党史学习教育/g },
  { name: '政法队伍教育整顿', from: 2021, to: 2021, words: /教育整顿/g },
  { name: '扫黑除恶专项斗争', from: 2018, to: 2021, words: /扫黑除恶专项斗争/g },
  { name: '北京冬奥会', from: 2022, to: 2022, words: /北京冬奥会|冬奥安保/g },
  { name: '党的二十大安保维稳', from: 2022, to: 2022, words: /二十大安保/g },
  { name: '成都大运会', from: 2023, to: 2023, words: /成都大运会/g },
  { name: '杭州亚运会', from: 2023, to: 2023, words: /杭州亚运会/g },
  {
    name: '学习贯彻习近平新时代中国特色社会主义思想主题教育',
    from: 2023,
    to: 2023,
    words: /思想主题教育/g,
  },
  { name: '党纪学习教育', from: 2024, to: 2024, words: /党纪学习教育/g },
  { name: '新中国成立75周年', from: 2024, to: 2024, words: /新中国成立(?:75|七十五)周年/g },
  { name: '中央八项规定精神学习教育', from: 2025, to: 2025, words: /八项规定精神学习教育/g },
  { name: '抗战胜利80周年', from: 2025, to: 2025, words: /抗(?:日)?战(?:争)?胜利(?:80|八十)周年/g },
];

export const checkNamedEvents: DatedCheck = (p, o) => {
  const out: DatedSpan[] = [];
  for (const e of DATED_EVENTS) {
    if (o.reportYear >= e.from && o.reportYear <= e.to) continue;
    for (const m of p.text.matchAll(e.words)) {
      const start = m.index;
      const end = start + m[0].length;
      if (inTitle(p, start, end)) continue;
      if (/^[^，。；：\n]{0,8}以来/.test(p.text.slice(end, end + 12))) continue;
      out.push({ kind: 'event', start, end, text: m[0], from: e.from, to: e.to, event: e.name });
    }
  }
  return out;
};
