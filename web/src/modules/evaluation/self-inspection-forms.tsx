/**
 * 执法办案区自查: the checklist form (every SELF_INSPECTION_ITEMS row answered: in order, or a
 * problem described), the read-only view of a submitted checklist, and the rectification record.
 */
import {
  quarterLabel,
  quarterOf,
  SELF_INSPECTION_ITEMS,
  type SelfInspectionCreateRequest,
  SelfInspectionRectifyRequest,
  type SelfInspectionResponse,
} from '@fazhi/common';
import { Alert, Descriptions, Drawer, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { formatDateTime, todayCst } from '../../app/ui/format.ts';
import { required, zodRule } from '../../app/ui/rules.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { EVALUATION_KEY, SELF_KEY } from './api.ts';
import { SelfStatusTag } from './tags.tsx';

const itemNames = new Map(SELF_INSPECTION_ITEMS.map((i) => [i.code as string, i]));
export const checkItemName = (code: string) => {
  const i = itemNames.get(code);
  return i ? bilingual(i) : code;
};

/** This quarter and the seven before it, newest first: the periods one normally reports on. */
export function recentPeriods(): string[] {
  let { year, quarter } = quarterOf(todayCst());
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(quarterLabel(year, quarter));
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

// Kept in SELF_INSPECTION_ITEMS order, so the server's `items.N.note` lands on row N.
interface ChecklistValues {
  unitId?: number;
  period: string;
  items: { code: string; ok: boolean; note?: string }[];
}

export function ChecklistDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <FormDialog<ChecklistValues, SelfInspectionResponse>
      title={t('evaluation.self.submitTitle')}
      open={open}
      onClose={onClose}
      width={900}
      initialValues={{
        unitId: me.unit.id,
        period: recentPeriods()[0],
        items: SELF_INSPECTION_ITEMS.map((i) => ({ code: i.code, ok: true, note: '' })),
      }}
      header={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.self.hint')} />}
      submit={(v) => {
        const body: SelfInspectionCreateRequest = {
          unitId: v.unitId,
          period: v.period,
          // the rows have no code field (only the ok/note inputs are sent): the row order is the code
          items: SELF_INSPECTION_ITEMS.map((item, i) => ({
            code: item.code,
            ok: v.items[i]?.ok ?? true,
            note: (v.items[i]?.note ?? '').trim(),
          })),
        };
        return api.post<SelfInspectionResponse>('/api/evaluation/self-inspections', body);
      }}
      invalidate={[EVALUATION_KEY, [SELF_KEY]]}
      success={t('evaluation.self.submitted')}
    >
      {(form) => (
        <>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item
              name="unitId"
              label={t('evaluation.self.unit')}
              rules={[required()]}
              style={{ width: 300 }}
            >
              <UnitTreeSelect />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('evaluation.self.period')}
              rules={[required()]}
              style={{ width: 200 }}
            >
              <Select options={recentPeriods().map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          </div>
          <Form.List name="items">
            {(fields, _ops, { errors }) => (
              <>
                <Form.ErrorList errors={errors} />
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={fields}
                  columns={[
                    { title: '#', key: 'n', width: 40, render: (_, f) => f.name + 1 },
                    {
                      title: t('evaluation.self.item'),
                      key: 'item',
                      render: (_, f) => checkItemName(form.getFieldValue(['items', f.name, 'code'])),
                    },
                    {
                      title: t('evaluation.self.result'),
                      key: 'ok',
                      width: 190,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'ok']} style={{ margin: 0 }}>
                          <Radio.Group
                            optionType="button"
                            size="small"
                            options={[
                              { value: true, label: t('evaluation.self.ok') },
                              { value: false, label: t('evaluation.self.problem') },
                            ]}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('evaluation.self.note'),
                      key: 'note',
                      width: '36%',
                      render: (_, f) => (
                        <Form.Item
                          name={[f.name, 'note']}
                          dependencies={[['items', f.name, 'ok']]}
                          style={{ margin: 0 }}
                          rules={[
                            ({ getFieldValue }) => ({
                              validator: async (_r, v?: string) => {
                                if (getFieldValue(['items', f.name, 'ok']) === false && !v?.trim())
                                  throw new Error(t('evaluation.self.noteRequired'));
                              },
                            }),
                          ]}
                        >
                          <Input.TextArea autoSize maxLength={300} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              </>
            )}
          </Form.List>
        </>
      )}
    </FormDialog>
  );
}

export function RectifyDialog({ s, onClose }: { s: SelfInspectionResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ rectification: string }, SelfInspectionResponse>
      kind="modal"
      width={640}
      title={t('evaluation.self.rectifyTitle')}
      open={!!s}
      onClose={onClose}
      submit={(v) => api.post<SelfInspectionResponse>(`/api/evaluation/self-inspections/${s!.id}/rectify`, v)}
      invalidate={[EVALUATION_KEY, [SELF_KEY]]}
      success={t('evaluation.self.rectified')}
    >
      {s && (
        <ul style={{ paddingLeft: 20 }}>
          {s.items
            .filter((i) => !i.ok)
            .map((i) => (
              <li key={i.code}>
                <Typography.Text strong>{checkItemName(i.code)}</Typography.Text>：{i.note}
              </li>
            ))}
        </ul>
      )}
      <Form.Item
        name="rectification"
        label={t('evaluation.self.rectification')}
        extra={t('evaluation.self.rectificationHint')}
        rules={[required(), zodRule(SelfInspectionRectifyRequest.shape.rectification)]}
      >
        <Input.TextArea rows={6} maxLength={2000} showCount />
      </Form.Item>
    </FormDialog>
  );
}

export function InspectionDrawer({ s, onClose }: { s: SelfInspectionResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={!!s}
      onClose={onClose}
      size={760}
      title={s && t('evaluation.self.detailTitle', { unit: s.unitName, period: s.period })}
    >
      {s && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('evaluation.self.col.status')}>
              <SelfStatusTag status={s.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.self.col.problems')}>{s.problems}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.self.col.submittedBy')}>
              {s.submittedBy}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.self.col.submittedAt')}>
              {formatDateTime(s.submittedAt)}
            </Descriptions.Item>
            {s.rectification && (
              <>
                <Descriptions.Item label={t('evaluation.self.rectification')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{s.rectification}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('evaluation.self.col.rectifiedAt')}>
                  {formatDateTime(s.rectifiedAt)}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={s.items}
            columns={[
              {
                title: t('evaluation.self.item'),
                dataIndex: 'code',
                render: (c: string) => checkItemName(c),
              },
              {
                title: t('evaluation.self.result'),
                dataIndex: 'ok',
                width: 100,
                render: (ok: boolean) =>
                  ok ? (
                    <Tag color="green">{t('evaluation.self.ok')}</Tag>
                  ) : (
                    <Tag color="red">{t('evaluation.self.problem')}</Tag>
                  ),
              },
              { title: t('evaluation.self.note'), dataIndex: 'note', width: '36%' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
