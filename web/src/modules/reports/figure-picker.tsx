import { PlusOutlined } from '@ant-design/icons';
import { METRICS, REPORT_VARIABLES } from '@fazhi/common';
import { Button, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { metricName } from './format.ts';

/**
 * 插入指标: the catalogue searched by name, alias or id; the pick goes into the text at the cursor
 * as {{id}}, so the number is never typed by hand.
 */
export function FigurePicker({ onInsert, disabled }: { onInsert: (id: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string>();
  const options = useMemo(
    () => [
      ...REPORT_VARIABLES.map((id) => ({
        value: id,
        label: `${t(`reports.editor.variable.${id.split('.')[1]}`)} · ${id}`,
        search: id,
      })),
      ...METRICS.map((m) => ({
        value: m.id,
        label: `${metricName(m)}（${m.unit}） · ${m.id}`,
        search: [m.id, m.nameZh, m.nameEn, ...(m.aliases ?? [])].join(' ').toLowerCase(),
      })),
    ],
    [t],
  );
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        showSearch={{
          filterOption: (input, o) =>
            (o?.search ?? '').includes(input.trim().toLowerCase()) || (o?.label ?? '').includes(input.trim()),
        }}
        allowClear
        value={picked}
        onChange={setPicked}
        options={options}
        placeholder={t('reports.editor.pickFigure')}
        style={{ width: '100%' }}
        aria-label={t('reports.editor.pickFigure')}
        optionRender={(o) => <Typography.Text ellipsis>{o.label}</Typography.Text>}
      />
      <Button
        icon={<PlusOutlined />}
        disabled={disabled || !picked}
        onClick={() => {
          if (picked) onInsert(picked);
        }}
      >
        {t('reports.editor.insert')}
      </Button>
    </Space.Compact>
  );
}
