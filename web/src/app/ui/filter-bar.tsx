import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The search row above a list: inline fields, 查询 and 重置. */
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
  const toFormRef = useRef(toForm);
  toFormRef.current = toForm;
  // follow the address bar when it changes from elsewhere (a link, back button)
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormRef.current(filters));
  }, [filters, form]);
  return (
    <div className="fz-filter-bar">
      <Form form={form} layout="inline" onFinish={(v) => onChange(fromForm(v))}>
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
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {extra && <div className="fz-filter-extra">{extra}</div>}
    </div>
  );
}
