import { FIELD_MESSAGES, fieldMessage } from '@fazhi/common';
import type { FormRule } from 'antd';
import type { z } from 'zod';
import i18n, { currentLanguage } from '../i18n/index.ts';

function issueMessage(issue: z.core.$ZodIssue): string {
  const lng = currentLanguage();
  if (issue.message in FIELD_MESSAGES) return fieldMessage(issue.message, lng);
  switch (issue.code) {
    case 'too_small':
      return fieldMessage(issue.origin === 'string' ? 'tooShort' : 'tooSmall', lng, {
        min: Number(issue.minimum),
      });
    case 'too_big':
      return fieldMessage(issue.origin === 'string' ? 'tooLong' : 'tooBig', lng, {
        max: Number(issue.maximum),
      });
    case 'invalid_value':
      return fieldMessage('notInList', lng);
    default:
      return fieldMessage('invalid', lng);
  }
}

/**
 * An antd Form rule from a field of a shared zod contract: the form checks exactly what the
 * server will check, with the same messages. Empty values are left to `required()`.
 */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(typeof value === 'string' ? value.trim() : value);
      if (!result.success) throw new Error(issueMessage(result.error.issues[0]!));
    },
  };
}

export const required = (): FormRule => ({ required: true, message: i18n.t('common.required') });

/** A repeat field (confirm password) must equal another field. */
export const sameAs =
  (field: string, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(field)) throw new Error(message);
    },
  });
