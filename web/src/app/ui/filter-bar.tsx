import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, Space } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from './responsive.tsx';
import type { Filters } from './use-list.ts';

type Values = Record<string, unknown>;

/** Non-empty values as strings; trimmed. */
export function valuesToFilters(values: Values): Filters {
  const f: Filters = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    const s = String(v).trim();
    if (s) f[k] = s;
  }
  return f;
}

interface FilterBarProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  children: ReactNode;
  /** Filters → form values, for fields that are not plain strings (dates, numbers). */
  toForm?: (filters: Filters) => Values;
  fromForm?: (values: Values) => Filters;
  extra?: ReactNode;
}

/**
 * The search row above a list: inline fields, 查询 and 重置. On a phone the row is one 筛选 button
 * that opens the same fields, one under another, in a drawer.
 */
export function FilterBar({
  filters,
  onChange,
  children,
  toForm = (f) => f,
  fromForm = valuesToFilters,
  extra,
}: FilterBarProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const toFormRef = useRef(toForm);
  toFormRef.current = toForm;
  // follow the address bar when it changes from elsewhere (a link, back button)
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormRef.current(filters));
  }, [filters, form]);
  const fields = (
    <Form
      form={form}
      layout={phone ? 'vertical' : 'inline'}
      onFinish={(v) => {
        onChange(fromForm(v));
        setOpen(false);
      }}
    >
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
              setOpen(false);
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
  if (!phone)
    return (
      <div className="fz-filter-bar">
        {fields}
        {extra && <div className="fz-filter-extra">{extra}</div>}
      </div>
    );
  const active = Object.keys(filters).length;
  return (
    <div className="fz-filter-bar">
      <Button icon={<FilterOutlined />} onClick={() => setOpen(true)}>
        {active ? t('common.filterCount', { n: active }) : t('common.filter')}
      </Button>
      {extra && <div className="fz-filter-extra">{extra}</div>}
      {/* rendered while closed too, so that the form follows the address bar */}
      <Drawer open={open} onClose={() => setOpen(false)} title={t('common.filter')} forceRender>
        {fields}
      </Drawer>
    </div>
  );
}
