import { INCIDENT_IMPORT_FIELDS, type IncidentImportField, type IncidentImportMapping } from '@fazhi/common';
import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bilingual } from '../../../app/i18n/index.ts';
import { EMPTY } from '../../../app/ui/format.ts';

export interface ColumnsInfo {
  fileName: string;
  columns: string[];
  sample: string[][];
  suggested: IncidentImportMapping;
}

type Field = (typeof INCIDENT_IMPORT_FIELDS)[number];

/** Which file column each field is read from, with the first row's value as a check. */
export function ColumnMapping({
  info,
  mapping,
  onChange,
  missing,
}: {
  info: ColumnsInfo;
  mapping: IncidentImportMapping;
  onChange: (m: IncidentImportMapping) => void;
  /** Required fields the user tried to leave unmapped. */
  missing: Set<IncidentImportField>;
}) {
  const { t } = useTranslation();
  const first = info.sample[0] ?? [];
  const options = info.columns.map((c, i) => ({ value: c, label: c || `#${i + 1}` }));
  return (
    <>
      <Table<Field>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={[...INCIDENT_IMPORT_FIELDS]}
        columns={[
          {
            title: t('incidents.import.fieldCol'),
            key: 'field',
            width: 200,
            render: (_: unknown, f) => (
              <span>
                {f.required && <Typography.Text type="danger">* </Typography.Text>}
                {bilingual({ zh: f.zh, en: f.en })}
              </span>
            ),
          },
          {
            title: t('incidents.import.columnCol'),
            key: 'column',
            width: 260,
            render: (_: unknown, f) => (
              <Select<string>
                allowClear
                style={{ width: 240 }}
                status={missing.has(f.key) ? 'error' : undefined}
                placeholder={t('incidents.import.notMapped')}
                value={mapping[f.key]}
                options={options}
                onChange={(v) => {
                  const next = { ...mapping };
                  if (v) next[f.key] = v;
                  else delete next[f.key];
                  onChange(next);
                }}
              />
            ),
          },
          {
            title: t('incidents.import.sampleCol'),
            key: 'sample',
            ellipsis: true,
            render: (_: unknown, f) => {
              const column = mapping[f.key];
              const value = column ? first[info.columns.indexOf(column)] : undefined;
              return value ? <Typography.Text type="secondary">{value}</Typography.Text> : EMPTY;
            },
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('incidents.import.preview', { n: info.sample.length })}
      </Typography.Title>
      <Table<{ key: number; cells: string[] }>
        size="small"
        pagination={false}
        scroll={{ x: Math.max(800, info.columns.length * 140) }}
        dataSource={info.sample.map((cells, i) => ({ key: i, cells }))}
        columns={info.columns.map((c, i) => ({
          title: c || `#${i + 1}`,
          key: String(i),
          width: 140,
          ellipsis: true,
          render: (_: unknown, r) => r.cells[i] ?? '',
        }))}
      />
    </>
  );
}
