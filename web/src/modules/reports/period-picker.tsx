import { Segmented, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportYears } from './format.ts';

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * A report period: the year, and the quarter (0 = the whole year) unless `yearOnly` explains why
 * there is none. Shared by the metric catalogue and the statistics tables.
 */
export function PeriodPicker({
  year,
  quarter,
  onChange,
  yearOnly,
}: {
  year: number;
  quarter: number;
  onChange: (p: { year?: number; quarter?: number }) => void;
  /** Shown instead of the quarters when the period can only be a year. */
  yearOnly?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Select
        value={year}
        style={{ width: 110 }}
        aria-label={t('reports.year')}
        options={reportYears().map((y) => ({ value: y, label: t('reports.yearLabel', { year: y }) }))}
        onChange={(y: number) => onChange({ year: y })}
      />
      {yearOnly ? (
        <Typography.Text type="secondary">{yearOnly}</Typography.Text>
      ) : (
        <Segmented<number>
          value={quarter}
          onChange={(v) => onChange({ quarter: v })}
          options={[
            { value: 0, label: t('reports.wholeYear') },
            ...QUARTERS.map((n) => ({ value: n, label: t('reports.quarterShort', { q: n }) })),
          ]}
        />
      )}
    </Space>
  );
}
