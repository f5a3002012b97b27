/**
 * The 三级五关 review checklist (案件审核规范): every gate answers every point, 符合 or 存在问题
 * with what is wrong. Nothing counts as answered by default: a point left out is refused by its
 * name, so a reviewer cannot approve (or return) a case without going through the points.
 */
import { z } from 'zod';
import { CHECKLIST_NAMES } from './names.ts';
import { type ChecklistItem, REVIEW_CHECKLIST } from './workflow.ts';

/** One answered point as stored and shown: ok = 符合, otherwise the note says what is wrong. */
export const ChecklistEntry = z.object({
  ok: z.boolean(),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

/** A point as sent: `ok` left out (or null) is a point not answered, refused below by name. */
const Answer = z.object({ ok: z.boolean().nullish(), note: ChecklistEntry.shape.note });

/** The points of `checklist` not answered, in the checklist's order. */
export function unansweredPoints(checklist: Partial<Record<string, { ok?: boolean | null } | null>>) {
  return REVIEW_CHECKLIST.filter((k) => typeof checklist[k]?.ok !== 'boolean');
}

/** A point's name in both languages, for the 'case.checklist.pointUnanswered' and 'problemNote' messages. */
export const checklistPointName = (k: ChecklistItem) => ({
  itemZh: CHECKLIST_NAMES[k].zh,
  itemEn: CHECKLIST_NAMES[k].en,
});

/** The points' names in both languages, for the 'case.checklist.unanswered' message. */
export const checklistPointNames = (items: readonly ChecklistItem[]) => ({
  itemsZh: items.map((k) => CHECKLIST_NAMES[k].zh).join('、'),
  itemsEn: items.map((k) => CHECKLIST_NAMES[k].en).join(', '),
});

/**
 * Every point of REVIEW_CHECKLIST answered at every gate. A missing checklist is a checklist with
 * no point answered, so the error names them all rather than saying "checklist: required".
 */
export const Checklist = z
  .object(
    Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, Answer.nullish()])) as Record<
      ChecklistItem,
      ReturnType<typeof Answer.nullish>
    >,
  )
  .prefault({})
  .superRefine((v, ctx) => {
    const missing = unansweredPoints(v);
    if (missing.length)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'case.checklist.unanswered',
        params: checklistPointNames(missing),
      });
    for (const k of REVIEW_CHECKLIST) {
      const item = checklistPointName(k);
      if (missing.includes(k))
        ctx.addIssue({ code: 'custom', path: [k], message: 'case.checklist.pointUnanswered', params: item });
      else if (v[k]?.ok === false && !v[k]?.note)
        ctx.addIssue({
          code: 'custom',
          path: [k, 'note'],
          message: 'case.checklist.problemNote',
          params: item,
        });
    }
  })
  .transform((v) => v as Record<ChecklistItem, ChecklistEntry>);
export type Checklist = z.infer<typeof Checklist>;
