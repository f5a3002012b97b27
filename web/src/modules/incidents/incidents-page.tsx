import { ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { CAMERA_FILTERS, CAMPAIGN_TAGS, INCIDENT_SOURCES, type IncidentListItem } from '@fazhi/common';
import { Button, DatePicker, Drawer, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { bilingual } from '../../app/i18n/index.ts';
import { FilterBar, valuesToFilters } from '../../app/ui/filter-bar.tsx';
import { EMPTY, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { ResponsiveTable } from '../../app/ui/responsive-table.tsx';
import { type Filters, useList } from '../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { INCIDENTS_KEY } from './api.ts';
import { CategorySelect, DisposalSelect, DisposalTag } from './fields.tsx';
import { IncidentCreateDrawer } from './incident-create-drawer.tsx';
import { IncidentDetail } from './incident-detail.tsx';
import { sourceName } from './names.ts';

// one range picker on the form, two China dates (from, to) in the address bar
const toForm = ({ from, to, unitId, ...f }: Filters) => ({
  ...f,
  unitId: unitId ? Number(unitId) : undefined,
  range: from && to ? [dayjs(from), dayjs(to)] : undefined,
});
const fromForm = ({ range, ...v }: Record<string, unknown>) => {
  const [from, to] = (range as [Dayjs, Dayjs] | undefined) ?? [];
  return valuesToFilters({ ...v, from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });
};

export default function IncidentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useList<IncidentListItem>(INCIDENTS_KEY[0], '/api/incidents');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const f = (k: string) => t(`incidents.field.${k}`);

  return (
    <Page
      title={t('incidents.title')}
      extra={
        <>
          {can('incident.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/incidents/import')}>
              {t('incidents.importButton')}
            </Button>
          )}
          {can('incident.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('incidents.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('incidents.searchHint')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="range" label={f('receivedAt')}>
          <DatePicker.RangePicker style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="unitId" label={f('unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="categoryCode" label={f('category')}>
          <CategorySelect allowClear style={{ width: 180 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="source" label={f('source')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 130 }}
            options={INCIDENT_SOURCES.map((s) => ({ value: s, label: sourceName(s) }))}
          />
        </Form.Item>
        <Form.Item name="disposal" label={f('disposal')}>
          <DisposalSelect allowClear placeholder={t('common.all')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="tag" label={f('tags')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={CAMPAIGN_TAGS.map((tag) => ({ value: tag, label: tag }))}
          />
        </Form.Item>
        <Form.Item name="camera" label={f('camera')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={CAMERA_FILTERS.map((c) => ({ value: c, label: t(`incidents.camera.${c}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <ResponsiveTable<IncidentListItem>
          rowKey="id"
          cardTitle="incidentNo"
          cardExtra="disposal"
          size="middle"
          {...list.table}
          scroll={{ x: 1700 }}
          onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
          columns={[
            {
              title: f('incidentNo'),
              dataIndex: 'incidentNo',
              width: 130,
              fixed: 'left',
              render: (v: string, r) => (
                <Typography.Link className="fz-mono" onClick={() => setOpenId(r.id)}>
                  {v}
                </Typography.Link>
              ),
            },
            { title: f('receivedAt'), dataIndex: 'receivedAt', width: 160, render: formatDateTime },
            { title: f('source'), dataIndex: 'source', width: 100, render: sourceName },
            {
              title: f('category'),
              dataIndex: 'categoryName',
              width: 120,
              render: (_: string, r) => bilingual({ zh: r.categoryName, en: r.categoryNameEn }),
            },
            { title: f('place'), dataIndex: 'place', width: 220, ellipsis: true },
            { title: f('narrative'), dataIndex: 'narrative', width: 320, ellipsis: true },
            {
              title: f('caller'),
              key: 'caller',
              width: 150,
              render: (_: unknown, r) =>
                r.callerName || r.callerPhone ? (
                  <span>
                    {r.callerName ?? ''} <span className="fz-mono">{r.callerPhone ?? ''}</span>
                  </span>
                ) : (
                  EMPTY
                ),
            },
            { title: f('unit'), dataIndex: 'unitName', width: 140, ellipsis: true },
            {
              title: f('disposal'),
              dataIndex: 'disposal',
              width: 110,
              render: (v: string) => <DisposalTag value={v} />,
            },
            {
              title: f('camera'),
              dataIndex: 'cameraRecorded',
              width: 100,
              render: (v: boolean | null) =>
                v === null ? (
                  EMPTY
                ) : (
                  <Tag color={v ? 'green' : 'red'}>{t(`incidents.camera.${v ? 'yes' : 'no'}`)}</Tag>
                ),
            },
            {
              title: f('tags'),
              dataIndex: 'tags',
              width: 140,
              render: (tags: string[]) =>
                tags.length ? tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : EMPTY,
            },
          ]}
        />
      </div>
      <IncidentCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(i) => setOpenId(i.id)}
      />
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size={820}
        title={t('incidents.detail')}
        destroyOnHidden
        extra={
          openId !== null && (
            <Link to={`/incidents/${openId}`}>
              <ExportOutlined /> {t('incidents.openPage')}
            </Link>
          )
        }
      >
        {openId !== null && <IncidentDetail id={openId} />}
      </Drawer>
    </Page>
  );
}
