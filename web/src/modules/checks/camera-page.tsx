import { CheckOutlined, ExperimentOutlined } from '@ant-design/icons';
import {
  CAMERA_OUTCOMES,
  CAMERA_RESULTS,
  type CameraCheckCounts,
  type CameraCheckResponse,
  CameraCheckResultRequest,
  type CameraOutcome,
  type CameraSampleResponse,
} from '@fazhi/common';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useAction } from '../../app/ui/action.ts';
import { FilterBar, valuesToFilters } from '../../app/ui/filter-bar.tsx';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { formatDateTime, todayCst } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { zodRule } from '../../app/ui/rules.ts';
import { type Filters, useList } from '../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { CAMERA_KEYS, CAMERA_LIST, CAMERA_PATH, yesterdayCst } from './api.ts';
import { BulletinView } from './bulletin-view.tsx';
import { ResultTag } from './tags.tsx';

const toForm = (f: Filters) => ({
  ...f,
  day: f.day ? dayjs(f.day) : undefined,
  unit: f.unit ? Number(f.unit) : undefined,
});
const fromForm = ({ day, ...v }: Record<string, unknown>): Filters => ({
  ...valuesToFilters(v),
  ...(dayjs.isDayjs(day) ? { day: day.format('YYYY-MM-DD') } : {}),
});
const notFuture = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') >= todayCst();

interface Recording {
  check: CameraCheckResponse;
  result: CameraOutcome;
}

/**
 * 执法记录仪抽查 for the command centre: the day's sample with one-click results (a note for
 * partial or missing recordings), drawing a missed day by hand, and the day's bulletin.
 */
export default function CameraPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const can = useCan();
  const list = useList<CameraCheckResponse>(CAMERA_LIST, CAMERA_PATH, { pageSize: 50 });
  const { filters, setFilters } = list;
  const day = filters.day;
  const tab = filters.tab === 'bulletin' ? 'bulletin' : 'checks';
  const counts = (list.query.data as { counts?: CameraCheckCounts } | undefined)?.counts;
  const [recording, setRecording] = useState<Recording | null>(null);

  // The morning's work is yesterday's incidents: open there unless a day is in the address.
  useEffect(() => {
    if (!day) setFilters({ ...filters, day: yesterdayCst() });
  }, [day, filters, setFilters]);

  const record = useAction(
    (a: { id: number; result: CameraOutcome; note?: string | null }) =>
      api.post<CameraCheckResponse>(`${CAMERA_PATH}/${a.id}`, { result: a.result, note: a.note ?? null }),
    { invalidate: CAMERA_KEYS, success: t('checks.camera.saved') },
  );
  const draw = useAction((d: string) => api.post<CameraSampleResponse>(`${CAMERA_PATH}/sample`, { day: d }), {
    invalidate: CAMERA_KEYS,
    onSuccess: (r) => {
      if (r.drawn) message.success(t('checks.camera.drawn', { count: r.count, eligible: r.eligible }));
      else if (r.count) message.info(t('checks.camera.alreadyDrawn', { count: r.count }));
      else message.warning(t('checks.camera.none'));
    },
  });

  const confirmDraw = () =>
    day &&
    modal.confirm({
      title: t('checks.camera.draw'),
      content: t('checks.camera.drawConfirm', { day }),
      onOk: () => draw.run(day),
    });

  const stat = (key: keyof CameraCheckCounts, result: string | undefined, color?: string) => (
    <Col xs={12} md={8} lg={4} key={key}>
      <Card size="small" hoverable onClick={() => setFilters({ ...filters, result: result ?? '' })}>
        <Statistic
          title={t(`checks.camera.counts.${key}`)}
          value={counts?.[key] ?? 0}
          styles={{ content: color && counts?.[key] ? { color } : undefined }}
        />
      </Card>
    </Col>
  );

  const checks = (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stat('total', undefined)}
        {stat('pending', 'pending', '#1677ff')}
        {stat('recorded', 'recorded', '#389e0d')}
        {stat('partial', 'partial', '#d48806')}
        {stat('notRecorded', 'not_recorded', '#cf1322')}
      </Row>
      <FilterBar
        filters={filters}
        onChange={(f) => setFilters({ ...f, day: f.day ?? yesterdayCst() })}
        toForm={toForm}
        fromForm={fromForm}
      >
        <Form.Item name="day" label={t('checks.day')} tooltip={t('checks.dayHint')}>
          <DatePicker allowClear={false} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="unit" label={t('checks.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="result" label={t('checks.camera.col.result')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 130 }}
            options={CAMERA_RESULTS.map((r) => ({ value: r, label: t(`checks.result.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="q" label={t('checks.keyword')}>
          <Input allowClear style={{ width: 170 }} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<CameraCheckResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1190 }}
          columns={[
            {
              title: t('checks.camera.col.incident'),
              key: 'incident',
              width: 240,
              fixed: 'left',
              render: (_, c) => (
                <div>
                  {can('incident.read') ? (
                    <Link to={`/incidents/${c.incidentId}`}>{c.incidentNo}</Link>
                  ) : (
                    c.incidentNo
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(c.receivedAt)} · {c.place}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('checks.camera.col.category'), dataIndex: 'categoryName', width: 100 },
            { title: t('checks.camera.col.unit'), dataIndex: 'unitName', width: 130, ellipsis: true },
            {
              title: t('checks.camera.col.officers'),
              dataIndex: 'officerNames',
              width: 120,
              render: (v: string[]) => v.join('、'),
            },
            {
              title: t('checks.camera.col.reported'),
              key: 'reported',
              width: 150,
              render: (_, c) => (
                <div>
                  {c.reportedRecorded === null
                    ? t('checks.camera.reportedUnknown')
                    : c.reportedRecorded
                      ? t('checks.camera.reportedYes')
                      : t('checks.camera.reportedNo')}
                  {c.cameraEvidenceRef && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('checks.camera.evidence', { ref: c.cameraEvidenceRef })}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('checks.camera.col.result'),
              key: 'result',
              width: 200,
              render: (_, c) => (
                <div>
                  <ResultTag result={c.result} />
                  {c.note && <div style={{ fontSize: 12 }}>{c.note}</div>}
                  {c.checkedBy && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.checkedBy} · {formatDateTime(c.checkedAt)}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 250,
              fixed: 'right',
              render: (_, c) =>
                c.result === 'pending' ? (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="primary"
                      icon={<CheckOutlined />}
                      loading={record.isPending && record.variables?.id === c.id}
                      onClick={() => record.mutate({ id: c.id, result: 'recorded' })}
                    >
                      {t('checks.result.recorded')}
                    </Button>
                    <Button size="small" onClick={() => setRecording({ check: c, result: 'partial' })}>
                      {t('checks.result.partial')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => setRecording({ check: c, result: 'not_recorded' })}
                    >
                      {t('checks.result.not_recorded')}
                    </Button>
                  </Space>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setRecording({ check: c, result: c.result as CameraOutcome })}
                  >
                    {t('checks.camera.correct')}
                  </Button>
                ),
            },
          ]}
        />
      </div>
    </>
  );

  return (
    <Page
      title={t('checks.camera.title')}
      extra={
        tab === 'checks' && (
          <Button icon={<ExperimentOutlined />} loading={draw.isPending} onClick={confirmDraw}>
            {t('checks.camera.draw')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('checks.camera.hint')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setFilters({ day: day ?? yesterdayCst(), tab: k === 'bulletin' ? 'bulletin' : '' })}
        items={[
          { key: 'checks', label: t('checks.camera.tabChecks'), children: checks },
          {
            key: 'bulletin',
            label: t('checks.camera.tabBulletin'),
            children: day && (
              <div className="fz-panel">
                <BulletinView day={day} onDay={(d) => setFilters({ ...filters, day: d })} />
              </div>
            ),
          },
        ]}
      />
      <ResultDialog recording={recording} onClose={() => setRecording(null)} />
    </Page>
  );
}

/** The result with a note: for a partial or missing recording, and for corrections. */
function ResultDialog({ recording, onClose }: { recording: Recording | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ result: CameraOutcome; note?: string }, CameraCheckResponse>
      kind="modal"
      open={recording !== null}
      onClose={onClose}
      title={t('checks.camera.resultTitle', { no: recording?.check.incidentNo ?? '' })}
      initialValues={{ result: recording?.result, note: recording?.check.note ?? undefined }}
      invalidate={CAMERA_KEYS}
      success={t('checks.camera.saved')}
      submit={(v) =>
        api.post(`${CAMERA_PATH}/${recording!.check.id}`, { result: v.result, note: v.note ?? null })
      }
    >
      <Form.Item name="result" label={t('checks.camera.resultLabel')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={CAMERA_OUTCOMES.map((r) => ({ value: r, label: t(`checks.result.${r}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('checks.camera.note')}
        rules={[zodRule(CameraCheckResultRequest.shape.note)]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('checks.camera.notePlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}
