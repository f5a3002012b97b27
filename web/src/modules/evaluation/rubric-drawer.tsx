/**
 * Revising the rubric (《执法质量考评实施细则》): a new effective date adds a version, the date of a
 * version no round has used yet replaces it. Rounds already created keep the version they used.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { quarterOf, quarterRange, RubricItem, type RubricResponse, RubricUpdateRequest } from '@fazhi/common';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { todayCst } from '../../app/ui/format.ts';
import { required, zodRule } from '../../app/ui/rules.ts';
import { EVALUATION_KEY } from './api.ts';

/** The first day of next quarter: a revision normally applies from the next round on. */
function nextQuarterStart(): string {
  const { year, quarter } = quarterOf(todayCst());
  return quarter === 4 ? `${year + 1}-01-01` : quarterRange(year, quarter + 1).from;
}

const item = RubricItem.shape;
const body = RubricUpdateRequest.shape;
const dateProps = {
  getValueProps: (v?: string) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

export function RubricDrawer({
  base,
  open,
  onClose,
  onSaved,
}: {
  base: RubricResponse;
  open: boolean;
  onClose: () => void;
  onSaved?: (r: RubricResponse) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<RubricUpdateRequest, RubricResponse>
      title={t('evaluation.rubric.editTitle')}
      open={open}
      onClose={onClose}
      width={1100}
      initialValues={{
        name: base.name,
        fullScore: base.fullScore,
        excellentScore: base.excellentScore,
        effectiveFrom: nextQuarterStart(),
        items: base.items.map((i) => ({ ...i })),
      }}
      header={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.rubric.editHint')} />
      }
      submit={(v) => api.put<RubricResponse>('/api/evaluation/rubric', v)}
      invalidate={[EVALUATION_KEY]}
      success={t('evaluation.rubric.saved')}
      onSuccess={onSaved}
    >
      <Space wrap align="start" size={16}>
        <Form.Item
          name="name"
          label={t('evaluation.rubric.name')}
          rules={[required(), zodRule(body.name)]}
          style={{ width: 360 }}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="fullScore"
          label={t('evaluation.rubric.fullScore')}
          rules={[required(), zodRule(body.fullScore)]}
        >
          <InputNumber min={10} max={1000} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="excellentScore"
          label={t('evaluation.rubric.excellentScore')}
          dependencies={['fullScore']}
          rules={[
            required(),
            zodRule(body.excellentScore),
            ({ getFieldValue }) => ({
              validator: async (_, v: number | undefined) => {
                if (v !== undefined && v !== null && v > Number(getFieldValue('fullScore')))
                  throw new Error(t('evaluation.rubric.aboveFull'));
              },
            }),
          ]}
        >
          <InputNumber min={0} max={1000} step={0.5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('evaluation.rubric.effectiveFrom')}
          rules={[required()]}
          {...dateProps}
        >
          <DatePicker allowClear={false} />
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t('evaluation.rubric.items')}</Typography.Title>
      <Form.List name="items">
        {(fields, { add, remove }, { errors }) => (
          <>
            <Form.ErrorList errors={errors} />
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              columns={[
                {
                  title: t('evaluation.rubric.col.code'),
                  key: 'code',
                  width: 150,
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'code']}
                      rules={[required(), zodRule(item.code)]}
                      style={{ margin: 0 }}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('evaluation.rubric.col.nameZh'),
                  key: 'nameZh',
                  width: 170,
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'nameZh']}
                      rules={[required(), zodRule(item.nameZh)]}
                      style={{ margin: 0 }}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('evaluation.rubric.col.nameEn'),
                  key: 'nameEn',
                  width: 190,
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'nameEn']}
                      rules={[required(), zodRule(item.nameEn)]}
                      style={{ margin: 0 }}
                    >
                      <Input maxLength={120} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('evaluation.rubric.col.maxDeduction'),
                  key: 'maxDeduction',
                  width: 110,
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'maxDeduction']}
                      rules={[required(), zodRule(item.maxDeduction)]}
                      style={{ margin: 0 }}
                    >
                      <InputNumber min={0} max={1000} step={0.5} style={{ width: 90 }} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('evaluation.rubric.col.veto'),
                  key: 'veto',
                  width: 70,
                  align: 'center',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'veto']} valuePropName="checked" style={{ margin: 0 }}>
                      <Checkbox aria-label={t('evaluation.rubric.col.veto')} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('evaluation.rubric.col.guide'),
                  key: 'guide',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'guide']} rules={[zodRule(item.guide)]} style={{ margin: 0 }}>
                      <Input.TextArea autoSize maxLength={300} />
                    </Form.Item>
                  ),
                },
                {
                  key: 'remove',
                  width: 48,
                  render: (_, f) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length <= 1}
                      aria-label={t('evaluation.rubric.remove')}
                      onClick={() => remove(f.name)}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() =>
                add({ code: '', nameZh: '', nameEn: '', maxDeduction: 5, veto: false, guide: '' })
              }
            >
              {t('evaluation.rubric.addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}
