import type { Bilingual } from '../platform/errors.ts';

/** What `audit verify` can find wrong with a record of the chain. */
export const AUDIT_PROBLEM_NAMES = {
  altered: { zh: '记录被篡改', en: 'Record altered' },
  deleted: { zh: '记录被删除', en: 'Record deleted' },
  inserted: { zh: '记录非本系统写入（被插入）', en: 'Record inserted outside the application' },
  unsealed: { zh: '记录的链封被删除', en: 'Record’s seal removed' },
  unchained: {
    zh: '此前的链封缺失（记录连同链封被删除）',
    en: 'Chain broken before it (a record and its seal removed)',
  },
  unknown_key: { zh: '签名密钥不在密钥文件中', en: 'Signed with a key not in the key file' },
} satisfies Record<string, Bilingual>;
export type AuditProblemKind = keyof typeof AUDIT_PROBLEM_NAMES;
export const AUDIT_PROBLEM_KINDS = Object.keys(AUDIT_PROBLEM_NAMES) as AuditProblemKind[];
