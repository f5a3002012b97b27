/**
 * Stable error codes with their HTTP status and messages in both languages. The API always
 * answers `{error:{code,message,fields?,rows?}}`; the web app shows `message` and marks `fields`.
 */
export const ERRORS = {
  VALIDATION: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  INVALID_TOTP: { status: 401, zh: '动态验证码错误', en: 'Wrong verification code' },
  TOTP_REUSED: {
    status: 401,
    zh: '该动态验证码已使用过，请等待验证器显示新的验证码后再输入',
    en: 'This verification code has already been used; wait for your authenticator to show a new one',
  },
  SESSION_EXPIRED: {
    status: 401,
    zh: '长时间未操作，会话已过期，请重新登录',
    en: 'Your session expired; please sign in again',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定，请稍后再试或联系安全管理员',
    en: 'Too many failed sign-ins: the account is locked; try later or ask the security administrator',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  CSRF: {
    status: 403,
    zh: '请求校验失败，请刷新页面后重试',
    en: 'Request check failed; reload the page and try again',
  },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  SECOND_FACTOR_REQUIRED: {
    status: 403,
    zh: '请先完成双因素认证',
    en: 'Complete the second sign-in factor first',
  },
  PASSWORD_EXPIRED: {
    status: 403,
    zh: '密码已过期，请先修改密码',
    en: 'Your password has expired; change it first',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '您的密码已由管理员重置为一次性密码，请先修改密码后再使用系统',
    en: 'Your password was reset to a one-time password: change it before doing anything else',
  },
  STEP_UP_REQUIRED: {
    status: 403,
    zh: '查看完整身份证号码前，请再次输入动态验证码',
    en: 'Enter a verification code again to see the full ID number',
  },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  CONFLICT: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and retry',
  },
  PENALTY_UNLAWFUL: {
    status: 422,
    zh: '拟作处罚不符合法律规定，请按所列规则修改',
    en: 'The proposed penalty is not within the law: correct it as the rules listed say',
  },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'This record already exists' },
  WEAK_PASSWORD: { status: 400, zh: '密码不符合安全策略', en: 'The password does not meet the policy' },
  IMPORT_INVALID: {
    status: 422,
    zh: '导入文件有错误，未导入任何数据',
    en: 'The file has errors; nothing was imported',
  },
  SEPARATION_OF_DUTIES: {
    status: 400,
    zh: '系统管理员、安全管理员、审计管理员须由不同人员担任（三员分立）',
    en: 'System, security and audit administrators must be different people',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '上传的内容过大，未作处理',
    en: 'The request is too large; nothing was done',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '请求内容类型不受支持',
    en: 'The request content type is not supported',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时无法连接，请稍后重试；如持续出现，请联系系统管理员',
    en: 'The database cannot be reached right now; try again shortly, and tell the system administrator if it persists',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const;
export type ErrorCode = keyof typeof ERRORS;

export type Locale = 'zh-CN' | 'en-US';

/** Picks zh-CN unless the client asks for English first. */
export function pickLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

/** A message in both languages; field messages use it too. */
export interface Bilingual {
  zh: string;
  en: string;
}
export const say = (m: Bilingual, locale: Locale) => (locale === 'en-US' ? m.en : m.zh);
