import { CheckOutlined, StarFilled, ThunderboltOutlined, TrophyFilled } from '@ant-design/icons';
import {
  AWARD_KIND_NAMES,
  type AwardKind,
  type AwardProposeRequest,
  type AwardResponse,
  DEFAULT_AWARD_STARS,
  DEFAULT_AWARD_UNITS,
  DEFAULT_STAR_MIN_SAMPLES,
  MERIT_CONSECUTIVE_YEARS,
} from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { required } from '../../app/ui/rules.ts';
import { EVALUATION_KEY, useAwards, useEvaluationAction } from './api.ts';
import { currentYear, yearOptions } from './years.ts';

// A unit excellent three years running stands out: its head and legal officer get a 三等功.
const ROW_STYLE = `.fz-award-merit > td { background: #fffbe6 !important; }
.fz-award-merit:hover > td { background: #fff1b8 !important; }`;

function ProposeDialog({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<Required<AwardProposeRequest>, unknown>
      kind="modal"
      title={t('evaluation.awards.proposeTitle', { year })}
      open={open}
      onClose={onClose}
      okText={t('evaluation.awards.propose')}
      initialValues={{
        year,
        units: DEFAULT_AWARD_UNITS,
        stars: DEFAULT_AWARD_STARS,
        minSamples: DEFAULT_STAR_MIN_SAMPLES,
      }}
      header={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.awards.proposeHint')} />
      }
      submit={(v) => api.post('/api/evaluation/awards/propose', { ...v, year })}
      invalidate={[EVALUATION_KEY]}
      success={t('evaluation.awards.proposed')}
    >
      <Form.Item name="year" hidden>
        <InputNumber />
      </Form.Item>
      <Form.Item name="units" label={t('evaluation.awards.unitsCount')} rules={[required()]}>
        <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="stars" label={t('evaluation.awards.starsCount')} rules={[required()]}>
        <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="minSamples"
        label={t('evaluation.awards.minSamples')}
        extra={t('evaluation.awards.minSamplesHint')}
        rules={[required()]}
      >
        <InputNumber min={1} max={50} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormDialog>
  );
}

function AwardTable({ kind, items }: { kind: AwardKind; items: AwardResponse[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const approve = useEvaluationAction(
    (a: AwardResponse) => api.post(`/api/evaluation/awards/${a.id}/approve`),
    {
      success: t('evaluation.awards.approved'),
    },
  );
  const star = kind === 'legal_star';
  return (
    <Table<AwardResponse>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      rowClassName={(a) => (a.meritFlag ? 'fz-award-merit' : '')}
      expandable={{
        expandedRowRender: (a) => (
          <Typography.Paragraph style={{ margin: 0 }}>
            {bilingual({ zh: a.proposalZh, en: a.proposalEn })}
          </Typography.Paragraph>
        ),
      }}
      columns={[
        { title: t('evaluation.awards.col.rank'), dataIndex: 'rank', width: 60, align: 'center' },
        ...(star
          ? [
              {
                title: t('evaluation.awards.col.officer'),
                dataIndex: 'officerName',
                width: 110,
                render: (v: string | null) => (
                  <Space size={4}>
                    <StarFilled style={{ color: '#faad14' }} />
                    {v}
                  </Space>
                ),
              },
            ]
          : []),
        { title: t('evaluation.awards.col.unit'), dataIndex: 'unitName', ellipsis: true },
        {
          title: t('evaluation.awards.col.score'),
          dataIndex: 'score',
          width: 100,
          align: 'right' as const,
          render: (v: number) => <Typography.Text strong>{v.toFixed(1)}</Typography.Text>,
        },
        {
          title: t('evaluation.awards.col.consecutive'),
          dataIndex: 'consecutiveYears',
          width: star ? 100 : 220,
          render: (n: number, a: AwardResponse) => (
            <Space size={4} wrap>
              <span>{t('evaluation.awards.consecutiveYears', { n })}</span>
              {a.meritFlag && (
                <Tooltip
                  title={
                    <>
                      {t('evaluation.awards.meritHint')}
                      {a.meritNominees.length > 0 && (
                        <div>
                          {a.meritNominees
                            .map((p) => `${t(`evaluation.awards.role.${p.role}`)} ${p.name}`)
                            .join('、')}
                        </div>
                      )}
                    </>
                  }
                >
                  <Tag color="gold" icon={<TrophyFilled />}>
                    {t('evaluation.awards.merit')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        {
          title: t('evaluation.awards.col.status'),
          dataIndex: 'status',
          width: 150,
          render: (s: AwardResponse['status'], a: AwardResponse) =>
            s === 'approved' ? (
              <Tooltip title={`${a.approvedBy ?? ''} ${formatDateTime(a.approvedAt)}`}>
                <Tag color="success">{t('evaluation.awards.status.approved')}</Tag>
              </Tooltip>
            ) : can('evaluation.manage') ? (
              <Popconfirm
                title={t('evaluation.awards.approve')}
                description={t('evaluation.awards.approveConfirm')}
                onConfirm={() => approve.run(a)}
              >
                <Button size="small" icon={<CheckOutlined />} data-action="approve">
                  {t('evaluation.awards.approve')}
                </Button>
              </Popconfirm>
            ) : (
              <Tag color="processing">{t('evaluation.awards.status.proposed')}</Tag>
            ),
        },
      ]}
    />
  );
}

/** Approves every proposal of one list after one confirmation (the committee decides on the list). */
function ApproveAll({ items }: { items: AwardResponse[] }) {
  const { t } = useTranslation();
  const pending = items.filter((a) => a.status === 'proposed');
  const approve = useEvaluationAction(
    async (list: AwardResponse[]) => {
      for (const a of list) await api.post(`/api/evaluation/awards/${a.id}/approve`);
    },
    { success: t('evaluation.awards.approved') },
  );
  if (pending.length === 0) return null;
  return (
    <Popconfirm
      title={t('evaluation.awards.approveAll')}
      description={t('evaluation.awards.approveAllConfirm', { n: pending.length })}
      onConfirm={() => approve.run(pending)}
    >
      <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={approve.isPending}>
        {t('evaluation.awards.approveAll')}
      </Button>
    </Popconfirm>
  );
}

export default function AwardsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  // Awards crown a finished year: last year unless another is chosen.
  const year = Number(params.get('year')) || currentYear() - 1;
  const q = useAwards(year);
  const [proposing, setProposing] = useState(false);
  const items = q.data?.items ?? [];
  const units = items.filter((a) => a.kind === 'excellent_unit').sort((a, b) => a.rank - b.rank);
  const stars = items.filter((a) => a.kind === 'legal_star').sort((a, b) => a.rank - b.rank);
  const merits = units.filter((a) => a.meritFlag).length;

  return (
    <Page
      title={t('evaluation.awards.title')}
      extra={
        <>
          <Select
            value={year}
            style={{ width: 110 }}
            options={yearOptions()}
            onChange={(v: number) => setParams({ year: String(v) }, { replace: true })}
            aria-label={t('evaluation.awards.year')}
          />
          {can('evaluation.manage') && (
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setProposing(true)}>
              {t('evaluation.awards.propose')}
            </Button>
          )}
        </>
      }
    >
      <style>{ROW_STYLE}</style>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('evaluation.awards.hint')} />
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {merits > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<TrophyFilled />}
          style={{ marginBottom: 16 }}
          title={t('evaluation.awards.meritBanner', { n: merits, years: MERIT_CONSECUTIVE_YEARS })}
        />
      )}
      {!q.isPending && items.length === 0 ? (
        <div className="fz-panel">
          <Empty description={t('evaluation.awards.empty')} />
        </div>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={13}>
            <Card
              size="small"
              title={`${bilingual(AWARD_KIND_NAMES.excellent_unit)}（${units.length}）`}
              extra={can('evaluation.manage') && <ApproveAll items={units} />}
              loading={q.isPending}
            >
              <AwardTable kind="excellent_unit" items={units} />
            </Card>
          </Col>
          <Col xs={24} xxl={11}>
            <Card
              size="small"
              title={`${bilingual(AWARD_KIND_NAMES.legal_star)}（${stars.length}）`}
              extra={can('evaluation.manage') && <ApproveAll items={stars} />}
              loading={q.isPending}
            >
              <AwardTable kind="legal_star" items={stars} />
            </Card>
          </Col>
        </Row>
      )}
      <ProposeDialog year={year} open={proposing} onClose={() => setProposing(false)} />
    </Page>
  );
}
