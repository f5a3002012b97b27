import type { Bilingual, Locale } from './errors.ts';

/**
 * Messages for invalid fields. Schemas refer to these by key (`message: 'idNumber.checkDigit'`);
 * the server turns zod issues into `{field: message}` in the caller's language.
 */
export const FIELD_MESSAGES = {
  required: { zh: '必填', en: 'Required' },
  invalid: { zh: '格式不正确', en: 'Invalid format' },
  tooShort: { zh: '长度至少为 {min}', en: 'Must be at least {min} long' },
  tooLong: { zh: '长度不能超过 {max}', en: 'Must be at most {max} long' },
  tooSmall: { zh: '不能小于 {min}', en: 'Must be at least {min}' },
  tooBig: { zh: '不能大于 {max}', en: 'Must be at most {max}' },
  notInList: { zh: '不是可选的值', en: 'Not one of the allowed values' },
  date: { zh: '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  'idNumber.length': { zh: '身份证号码应为 18 位', en: 'An ID number has 18 characters' },
  'idNumber.format': { zh: '身份证号码格式不正确', en: 'The ID number is malformed' },
  'idNumber.birthDate': {
    zh: '身份证号码中的出生日期无效',
    en: 'The birth date in the ID number is invalid',
  },
  'idNumber.checkDigit': { zh: '身份证号码校验位错误', en: 'The ID number check digit is wrong' },
  phone: { zh: '电话号码格式不正确', en: 'The phone number is invalid' },
  personName: { zh: '姓名格式不正确', en: 'The name is invalid' },
  badgeNo: { zh: '警号应为 6 位数字', en: 'A badge number has 6 digits' },
  username: {
    zh: '用户名由 3–32 位字母、数字、下划线组成',
    en: 'A username has 3–32 letters, digits or underscores',
  },
  'password.length': { zh: '密码长度至少为 {min} 位', en: 'The password needs at least {min} characters' },
  'password.classes': {
    zh: '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
    en: 'The password needs three of: upper case, lower case, digits, symbols',
  },
  'password.reuse': {
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  'password.wrong': { zh: '当前密码错误', en: 'The current password is wrong' },
  'unit.parent': { zh: '上级单位不存在或形成循环', en: 'The parent unit is missing or would form a cycle' },
  'unit.code.taken': { zh: '单位代码已被使用', en: 'This unit code is taken' },
  'officer.badgeNo.taken': { zh: '警号已被使用', en: 'This badge number is taken' },
  'officer.username.taken': { zh: '用户名已被使用', en: 'This username is taken' },
  'roles.separation': {
    zh: '三员（系统、安全、审计管理员）不能由同一人兼任',
    en: 'One person cannot hold two of the system, security and audit administrator roles',
  },
  'calendar.year': { zh: '年份与日期不符', en: 'The date is not in that year' },
  'calendar.duplicate': { zh: '同一日期出现了两次', en: 'This date appears twice' },
  'calendar.missingYear': {
    zh: '{year} 年的节假日安排尚未载入，请系统管理员在“节假日日历”中载入国务院通知',
    en: 'The holiday notice for {year} is not loaded; a system administrator must load it in Holiday calendar',
  },
  'file.type': { zh: '请上传 .xlsx 文件', en: 'Upload an .xlsx file' },
  'file.empty': { zh: '文件中没有数据行', en: 'The file has no data rows' },
  'file.header': { zh: '缺少列：{columns}', en: 'Missing columns: {columns}' },
} as const satisfies Record<string, Bilingual>;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function fieldMessage(
  key: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const m = (FIELD_MESSAGES as Record<string, Bilingual>)[key] ?? FIELD_MESSAGES.invalid;
  const text = locale === 'en-US' ? m.en : m.zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
