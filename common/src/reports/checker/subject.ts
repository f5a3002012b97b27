/**
 * What a figure counts, as words: the noun phrase before it with fillers and period words taken
 * away, and the comparison that decides whether two phrases name the same quantity. The
 * comparison is deliberately strict — an alarm on two different quantities costs the writer's
 * trust, a missed repeat only costs a check.
 */

/** Words that open a subject without naming anything (分局, 共, 目前 …). */
const LEADING = [
  '截至目前',
  '截止目前',
  '今年以来',
  '一年来',
  '近年来',
  '全年',
  '年内',
  '今年',
  '目前',
  '至今',
  '迄今',
  '期间',
  '同时',
  '此外',
  '其中',
  '分局',
  '我局',
  '全局',
  '共计',
  '总共',
  '累计',
  '合计',
  '总计',
  '先后',
  '共',
  '并',
  '还',
  '已',
  '均',
  '另',
  '在',
  '对',
  '向',
  '和',
  '及',
  '与',
];
/** Words that close a subject before its number (…有 86 人, …达到 …). */
const TRAILING = [
  '达到了',
  '达到',
  '共计',
  '共有',
  '总共',
  '累计',
  '合计',
  '总计',
  '共',
  '有',
  '达',
  '为',
  '是',
  '了',
  '计',
  '约',
  '近',
  '逾',
  '超过',
  '的',
];

const PERIOD_WORDS = /\d{4}年(?:以来|度)?|\d{1,2}月\d{1,2}日|今年以来|截[至止]目前|近[两三四五\d]年/g;

export function cleanSubject(phrase: string): string {
  let s = phrase.replace(PERIOD_WORDS, '').replace(/[“”《》「」\s]/g, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of LEADING)
      if (s.startsWith(w) && s.length - w.length >= 2) {
        s = s.slice(w.length);
        changed = true;
      }
    for (const w of TRAILING)
      if (s.endsWith(w) && s.length - w.length >= 2) {
        s = s.slice(0, -w.length);
        changed = true;
      }
  }
  // A phrase that is nothing but a filler (共计 in "共计68人报名") names nothing.
  return LEADING.includes(s) || TRAILING.includes(s) ? '' : s;
}

/**
 * Actions that make two counts of the same object different quantities (受理 vs 办结 cases).
 * Longest first so 不同意 is not read as 同意.
 */
export const VERBS = [
  '不同意',
  '不批准',
  '快侦快破',
  '刑事拘留',
  '监视居住',
  '通过',
  '办理',
  '办结',
  '受理',
  '审核',
  '审批',
  '审议',
  '审查',
  '查处',
  '处罚',
  '处理',
  '破获',
  '侦破',
  '立案',
  '受案',
  '出庭',
  '应诉',
  '参与',
  '参加',
  '化解',
  '调解',
  '移送',
  '公开',
  '通报',
  '下发',
  '下达',
  '出台',
  '制定',
  '发现',
  '纠正',
  '整改',
  '确认',
  '核查',
  '排查',
  '落实',
  '护送',
  '出动',
  '接处',
  '处置',
  '评审',
  '同意',
  '批准',
  '开展',
  '举办',
  '召开',
  '培训',
  '报名',
  '参赛',
  '选派',
  '建立',
  '收到',
  '提交',
  '报送',
  '研究',
  '考评',
  '采录',
  '提供',
  '录入',
  '收录',
  '预警',
  '记录',
  '劝返',
  '劝阻',
  '梳理',
  '教育',
  '训诫',
  '采取',
  '挂网',
  '走访',
  '检查',
  '调研',
  '完成',
  '创建',
  '获评',
  '打造',
  '清理',
  '整治',
  '驳回',
  '撤诉',
  '败诉',
  '审结',
  '进入',
  '继续',
  '保留',
  '隔离',
  '暂停',
  '采样',
  '抓获',
  '拘留',
  '逮捕',
  '起诉',
  '判决',
  '裁定',
  '申请',
  '申报',
  '新增',
  '成功',
];

/** The verbs in a phrase, and the phrase with them removed. */
export function splitVerbs(phrase: string): { verbs: string[]; rest: string } {
  const verbs: string[] = [];
  let rest = phrase;
  for (const v of VERBS) {
    if (rest.includes(v)) {
      verbs.push(v);
      rest = rest.split(v).join('|');
    }
  }
  return { verbs: verbs.sort(), rest: rest.replace(/\|/g, '') };
}

/** Modifiers that a writer drops or adds without changing what is counted (高级执法资格 = 高级资格). */
const IGNORABLE = [
  '执法',
  '各类',
  '各项',
  '相关',
  '人员',
  '民警',
  '全体',
  '依法',
  '有效',
  '辖区',
  '全区',
  '的',
];

function isIgnorable(extra: string): boolean {
  let s = extra;
  for (let changed = true; s && changed; ) {
    changed = false;
    for (const w of IGNORABLE)
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
      }
  }
  return s === '';
}

/** The characters of `long` not matched by `short` as a subsequence, as runs; undefined if not one. */
function extraRuns(short: string, long: string): string[] | undefined {
  const runs: string[] = [];
  let run = '';
  let i = 0;
  for (const c of long) {
    if (i < short.length && c === short[i]) {
      if (run) runs.push(run);
      run = '';
      i++;
    } else run += c;
  }
  if (run) runs.push(run);
  return i === short.length ? runs : undefined;
}

/**
 * Whether two cleaned subjects name the same quantity: the same actions, and nouns that are equal
 * or differ only by modifiers a writer drops (执法, 相关 …). Word order of the action is free
 * (通过高级资格考试 = 高级资格考试通过).
 */
export function sameSubject(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (a === b) return true;
  const va = splitVerbs(a);
  const vb = splitVerbs(b);
  if (va.verbs.join('|') !== vb.verbs.join('|')) return false;
  const [short, long] = va.rest.length <= vb.rest.length ? [va.rest, vb.rest] : [vb.rest, va.rest];
  if (short.length < 3) return short === long && short.length > 0 && va.verbs.length > 0;
  const runs = extraRuns(short, long);
  return runs?.every(isIgnorable) ?? false;
}
