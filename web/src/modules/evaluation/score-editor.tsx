/**
 * The scoring form of one sampled case: a row per rubric item with the points taken off (capped
 * at the item's maximum) and the reason, the veto items as check boxes, and the score as it will
 * be computed — by the same `scoreSample` the server uses, so the preview cannot disagree.
 */
import { type RubricItem, type RubricResponse, type ScoreDeduction, scoreSample } from '@fazhi/common';
import {
  Alert,
  App,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { bilingual } from '../../app/i18n/index.ts';

interface ItemValue {
  points?: number | null;
  note?: string;
}
interface VetoValue {
  on?: boolean;
  note?: string;
}
export interface ScoreFormValues {
  items: Record<string, ItemValue>;
  veto: Record<string, VetoValue>;
}

export const itemName = (i: Pick<RubricItem, 'nameZh' | 'nameEn'>) =>
  bilingual({ zh: i.nameZh, en: i.nameEn });

/** Saved deductions → form values; several deductions on one item add up (as the score does). */
export function toFormValues(rubric: RubricResponse, deductions: readonly ScoreDeduction[]): ScoreFormValues {
  const items: Record<string, ItemValue> = {};
  const veto: Record<string, VetoValue> = {};
  const vetoCodes = new Set(rubric.items.filter((i) => i.veto).map((i) => i.code));
  for (const d of deductions) {
    if (vetoCodes.has(d.item)) {
      veto[d.item] = { on: true, note: [veto[d.item]?.note, d.note].filter(Boolean).join('；') };
    } else {
      const prev = items[d.item];
      items[d.item] = {
        points: (prev?.points ?? 0) + d.points,
        note: [prev?.note, d.note].filter(Boolean).join('；'),
      };
    }
  }
  return { items, veto };
}

/** Form values → the request's deductions; `codes[i]` names the row of deduction i (for errors). */
export function fromFormValues(rubric: RubricResponse, v: Partial<ScoreFormValues>) {
  const deductions: ScoreDeduction[] = [];
  const rows: { code: string; veto: boolean }[] = [];
  for (const item of rubric.items) {
    if (item.veto) {
      const x = v.veto?.[item.code];
      if (!x?.on) continue;
      deductions.push({ item: item.code, points: 0, note: (x.note ?? '').trim() });
      rows.push({ code: item.code, veto: true });
    } else {
      const x = v.items?.[item.code];
      const points = Number(x?.points ?? 0);
      if (!(points > 0)) continue;
      deductions.push({ item: item.code, points, note: (x?.note ?? '').trim() });
      rows.push({ code: item.code, veto: false });
    }
  }
  return { deductions, vetoed: rows.some((r) => r.veto), rows };
}

/**
 * The server names fields of the request (`deductions.2.note`, `vetoed`); this puts each message
 * on the row it is about, and toasts the rest.
 */
export function useScoreErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form: FormInstance<ScoreFormValues>, rows: { code: string; veto: boolean }[]): boolean => {
      if (!(e instanceof ApiError) || e.code !== 'VALIDATION' || !e.fields) return false;
      // Other fields (a decision's note) belong to the caller's own form.
      if (!Object.keys(e.fields).some((n) => n.startsWith('deductions') || n === 'vetoed')) return false;
      const placed: { name: ['items' | 'veto', string, string]; errors: string[] }[] = [];
      const rest: string[] = [];
      for (const [name, msg] of Object.entries(e.fields)) {
        const m = /^deductions\.(\d+)(?:\.(\w+))?$/.exec(name);
        const row = m ? rows[Number(m[1])] : undefined;
        if (row) {
          const field = row.veto ? (m![2] === 'note' ? 'note' : 'on') : m![2] === 'note' ? 'note' : 'points';
          placed.push({ name: [row.veto ? 'veto' : 'items', row.code, field], errors: [msg] });
        } else if (name === 'vetoed' || name === 'deductions') {
          rest.push(msg);
        } else rest.push(`${name}: ${msg}`);
      }
      form.setFields(placed as Parameters<typeof form.setFields>[0]);
      message.error(rest.length ? `${e.message} — ${rest.join('; ')}` : e.message);
      return true;
    },
    [message],
  );
}

/** The rows of the form; `disabled` shows a saved score read-only. */
export function ScoreEditor({
  rubric,
  form,
  disabled,
}: {
  rubric: RubricResponse;
  form: FormInstance<ScoreFormValues>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const regular = rubric.items.filter((i) => !i.veto);
  const vetoes = rubric.items.filter((i) => i.veto);
  const noteRule = (
    path: ['items', string, 'points'] | ['veto', string, 'on'],
    active: (v: unknown) => boolean,
  ) => ({
    validator: async (_: unknown, note: string | undefined) => {
      if (active(form.getFieldValue(path)) && !note?.trim())
        throw new Error(
          t(path[0] === 'veto' ? 'evaluation.scoring.vetoNoteRequired' : 'evaluation.scoring.noteRequired'),
        );
    },
  });
  return (
    <>
      <Table<RubricItem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={regular}
        columns={[
          {
            title: t('evaluation.scoring.col.item'),
            key: 'item',
            render: (_, i) => (
              <div>
                <Typography.Text strong>{itemName(i)}</Typography.Text>
                {i.guide && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.guide}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          { title: t('evaluation.scoring.col.max'), dataIndex: 'maxDeduction', width: 90, align: 'right' },
          {
            title: t('evaluation.scoring.col.points'),
            key: 'points',
            width: 120,
            render: (_, i) => (
              <Form.Item name={['items', i.code, 'points']} style={{ margin: 0 }}>
                <InputNumber
                  min={0}
                  max={i.maxDeduction}
                  step={0.5}
                  precision={1}
                  placeholder="0"
                  disabled={disabled}
                  style={{ width: 96 }}
                  aria-label={`${itemName(i)} ${t('evaluation.scoring.col.points')}`}
                />
              </Form.Item>
            ),
          },
          {
            title: t('evaluation.scoring.col.note'),
            key: 'note',
            width: '42%',
            render: (_, i) => (
              <Form.Item
                name={['items', i.code, 'note']}
                dependencies={[['items', i.code, 'points']]}
                rules={[noteRule(['items', i.code, 'points'], (p) => Number(p) > 0)]}
                style={{ margin: 0 }}
              >
                <Input.TextArea autoSize maxLength={300} disabled={disabled} />
              </Form.Item>
            ),
          },
        ]}
      />
      {vetoes.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>
            {t('evaluation.scoring.vetoItems')}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('evaluation.scoring.vetoHint')}
            </Typography.Text>
          </Typography.Title>
          {vetoes.map((i) => (
            <div key={i.code} style={{ display: 'flex', gap: 12, alignItems: 'flex-start', marginBottom: 8 }}>
              <Form.Item
                name={['veto', i.code, 'on']}
                valuePropName="checked"
                style={{ margin: 0, minWidth: 260 }}
              >
                <Checkbox disabled={disabled}>
                  <Typography.Text type="danger">{itemName(i)}</Typography.Text>
                </Checkbox>
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.veto?.[i.code]?.on !== b.veto?.[i.code]?.on}>
                {() =>
                  form.getFieldValue(['veto', i.code, 'on']) ? (
                    <Form.Item
                      name={['veto', i.code, 'note']}
                      rules={[noteRule(['veto', i.code, 'on'], Boolean)]}
                      style={{ margin: 0, flex: 1 }}
                    >
                      <Input.TextArea
                        autoSize
                        maxLength={300}
                        disabled={disabled}
                        placeholder={t('evaluation.scoring.vetoNote')}
                      />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

/** The score the current values give, live. */
export function ScorePreview({
  rubric,
  form,
}: {
  rubric: RubricResponse;
  form: FormInstance<ScoreFormValues>;
}) {
  const { t } = useTranslation();
  const values = Form.useWatch([], form) as Partial<ScoreFormValues> | undefined;
  const { deductions, vetoed } = fromFormValues(rubric, values ?? {});
  const s = scoreSample(rubric, deductions, vetoed);
  const colour = s.vetoed ? '#cf1322' : s.score >= rubric.excellentScore ? '#389e0d' : undefined;
  return (
    <Card size="small" title={t('evaluation.scoring.preview')}>
      <Statistic
        value={s.score.toFixed(1)}
        suffix={`/ ${rubric.fullScore}`}
        styles={{ content: { color: colour } }}
      />
      {s.vetoed ? (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('evaluation.scoring.vetoedScore')} />
      ) : (
        <Typography.Text type="secondary">
          {t('evaluation.scoring.previewHint', { full: rubric.fullScore, deducted: s.deducted })}{' '}
          {s.score >= rubric.excellentScore && <Tag color="green">{t('evaluation.scoring.excellent')}</Tag>}
        </Typography.Text>
      )}
    </Card>
  );
}
