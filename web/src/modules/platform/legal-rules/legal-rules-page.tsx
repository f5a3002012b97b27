import { CLOCK_UNITS, type LegalRuleResponse, LegalRuleVersionRequest } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { zodRule } from '../../../app/ui/rules.ts';

const KEY = ['legal-rules'] as const;
type FormValues = Omit<LegalRuleVersionRequest, 'effectiveFrom'> & { effectiveFrom: dayjs.Dayjs };

/**
 * The statutory clocks Fazhi counts deadlines by, each version with its effective date and
 * citation. A revised law adds a version; unconfirmed rules are flagged for the legal detachment.
 */
export default function LegalRulesPage() {
  const { t } = useTranslation();
  const manage = useCan()('rules.manage');
  const rules = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: LegalRuleResponse[] }>('/api/legal-rules'),
  });
  const [editing, setEditing] = useState<LegalRuleResponse | null>(null);

  return (
    <Page title={t('legalRules.title')}>
      <Typography.Paragraph type="secondary">{t('legalRules.intro')}</Typography.Paragraph>
      <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<LegalRuleResponse>
          size="middle"
          rowKey="id"
          loading={rules.isFetching}
          dataSource={rules.data?.items}
          pagination={false}
          rowClassName={(r) => (r.inForce ? '' : 'fz-muted-row')}
          columns={[
            {
              title: t('legalRules.name'),
              key: 'name',
              render: (_, r) => (
                <Typography.Text strong={r.inForce}>
                  {bilingual({ zh: r.nameZh, en: r.nameEn })}
                </Typography.Text>
              ),
            },
            {
              title: t('legalRules.length'),
              key: 'length',
              width: 150,
              render: (_, r) =>
                [
                  `${r.amount} ${t(`legalRules.units.${r.unit}`)}`,
                  r.custody ? t('legalRules.custody') : null,
                  r.maxTimes ? t('legalRules.maxTimesText', { n: r.maxTimes }) : null,
                  r.hearingExcluded ? t('legalRules.hearingExcluded') : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
            },
            { title: t('legalRules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
            {
              title: t('legalRules.status'),
              key: 'status',
              width: 170,
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.inForce ? (
                    <Tag color="green">{t('legalRules.inForce')}</Tag>
                  ) : (
                    <Tag>{t('legalRules.notInForce')}</Tag>
                  )}
                  {r.unconfirmed && <Tag color="orange">{t('legalRules.unconfirmed')}</Tag>}
                </Space>
              ),
            },
            { title: t('legalRules.citation'), dataIndex: 'citation' },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, r: LegalRuleResponse) =>
                      r.inForce && (
                        <Button type="link" size="small" onClick={() => setEditing(r)}>
                          {t('legalRules.addVersion')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <FormDialog<FormValues, LegalRuleResponse>
        title={
          editing
            ? `${t('legalRules.addVersion')} · ${bilingual({ zh: editing.nameZh, en: editing.nameEn })}`
            : ''
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        kind="modal"
        initialValues={editing ? { ...editing, effectiveFrom: dayjs() } : undefined}
        invalidate={[KEY]}
        success={t('common.saved')}
        submit={(v) =>
          api.post<LegalRuleResponse>('/api/legal-rules', {
            ...v,
            code: editing!.code,
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item
          name="amount"
          label={t('legalRules.amount')}
          rules={[zodRule(LegalRuleVersionRequest.shape.amount)]}
        >
          <InputNumber min={1} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="unit" label={t('legalRules.unit')} rules={[{ required: true }]}>
          <Select options={CLOCK_UNITS.map((u) => ({ value: u, label: t(`legalRules.units.${u}`) }))} />
        </Form.Item>
        <Form.Item name="custody" label={t('legalRules.custody')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('legalRules.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="citation"
          label={t('legalRules.citation')}
          rules={[zodRule(LegalRuleVersionRequest.shape.citation)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="unconfirmed" label={t('legalRules.unconfirmed')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="maxTimes" label={t('legalRules.maxTimes')} extra={t('legalRules.maxTimesHint')}>
          <InputNumber min={1} max={10} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="hearingExcluded" label={t('legalRules.hearingExcluded')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDialog>
    </Page>
  );
}
