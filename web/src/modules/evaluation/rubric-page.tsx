import { EditOutlined } from '@ant-design/icons';
import type { RubricItem } from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { formatDate, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { useRubric } from './api.ts';
import { RubricDrawer } from './rubric-drawer.tsx';
import { itemName } from './score-editor.tsx';

export default function RubricPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const versionId = Number(params.get('version')) || undefined;
  const q = useRubric(versionId);
  // the versions list comes with every answer; the current one names them all
  const current = useRubric();
  const r = q.data;
  const [editing, setEditing] = useState(false);
  const totalMax = (r?.items ?? []).filter((i) => !i.veto).reduce((a, i) => a + i.maxDeduction, 0);

  return (
    <Page
      title={t('evaluation.rubric.title')}
      extra={
        <>
          <Select
            style={{ width: 300 }}
            value={r?.id}
            loading={current.isPending}
            aria-label={t('evaluation.rubric.history')}
            options={(current.data?.versions ?? []).map((v) => ({
              value: v.id,
              label: `${formatDate(v.effectiveFrom)} · ${v.name}`,
            }))}
            onChange={(v: number) =>
              setParams(v === current.data?.id ? {} : { version: String(v) }, { replace: true })
            }
          />
          {can('evaluation.manage') && (
            <Button type="primary" icon={<EditOutlined />} disabled={!r} onClick={() => setEditing(true)}>
              {t('evaluation.rubric.edit')}
            </Button>
          )}
        </>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.rubric.hint')} />
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card size="small" style={{ height: '100%' }}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('evaluation.rubric.name')}>{r.name}</Descriptions.Item>
                  <Descriptions.Item label={t('evaluation.rubric.effectiveFrom')}>
                    <Space>
                      {formatDate(r.effectiveFrom)}
                      {r.id === current.data?.id && <Tag color="green">{t('evaluation.rubric.inForce')}</Tag>}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('evaluation.rubric.usedBy')}>
                    {t('evaluation.rubric.rounds', { n: r.rounds })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('evaluation.rubric.createdAt')}>
                    {formatDateTime(r.createdAt)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={8} lg={4}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic title={t('evaluation.rubric.fullScore')} value={r.fullScore} />
              </Card>
            </Col>
            <Col xs={8} lg={4}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic
                  title={t('evaluation.rubric.excellentScore')}
                  value={r.excellentScore}
                  styles={{ content: { color: '#389e0d' } }}
                />
              </Card>
            </Col>
            <Col xs={8} lg={4}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic title={t('evaluation.rubric.itemsCount')} value={r.items.length} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('evaluation.rubric.totalMax', { n: totalMax })}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <div className="fz-panel" style={{ padding: 0 }}>
            <Table<RubricItem>
              rowKey="code"
              size="middle"
              dataSource={r.items}
              loading={q.isFetching}
              pagination={false}
              columns={[
                {
                  title: t('evaluation.rubric.col.name'),
                  key: 'name',
                  width: 260,
                  render: (_, i) => (
                    <div>
                      <Typography.Text strong type={i.veto ? 'danger' : undefined}>
                        {itemName(i)}
                      </Typography.Text>
                      <div>
                        {/* the other language's name, which the other readers of the rubric see */}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {bilingual({ zh: i.nameEn, en: i.nameZh })}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
                {
                  title: t('evaluation.rubric.col.maxDeduction'),
                  dataIndex: 'maxDeduction',
                  width: 110,
                  align: 'right',
                  render: (v: number, i) => (i.veto ? '—' : v),
                },
                {
                  title: t('evaluation.rubric.col.veto'),
                  dataIndex: 'veto',
                  width: 100,
                  render: (v: boolean) =>
                    v ? <Tag color="red">{t('evaluation.rubric.vetoYes')}</Tag> : null,
                },
                { title: t('evaluation.rubric.col.guide'), dataIndex: 'guide' },
              ]}
            />
          </div>
        </>
      )}
      {r && (
        <RubricDrawer
          base={r}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(x) => setParams({ version: String(x.id) }, { replace: true })}
        />
      )}
    </Page>
  );
}
