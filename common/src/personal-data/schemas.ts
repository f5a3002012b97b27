/**
 * zod schemas for personal data in request contracts. Issue messages are FIELD_MESSAGES keys,
 * which the server translates. Normalisation uses zod's in-place string methods (not
 * .transform) so the schemas stay plain strings for OpenAPI generation.
 */
import { z } from 'zod';
import { validateIdNumber } from './id-number.ts';
import { normalizePersonName, validatePersonName } from './person-name.ts';
import { normalizePhone, validatePhone } from './phone.ts';

/** Trimmed, upper-cased (x → X) 18-character ID number; the message says what is wrong. */
export const IdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((id, ctx) => {
    const result = validateIdNumber(id);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });

/** Mobile or landline number, with the spaces removed. */
export const PhoneSchema = z.string().overwrite(normalizePhone).refine(validatePhone, { message: 'phone' });

/** Trimmed person name, with middle-dot look-alikes replaced by U+00B7. */
export const PersonNameSchema = z
  .string()
  .overwrite(normalizePersonName)
  .refine(validatePersonName, { message: 'personName' });
