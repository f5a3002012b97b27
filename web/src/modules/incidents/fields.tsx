import { CAMPAIGN_TAGS, INCIDENT_DISPOSALS, type IncidentCategoryNode } from '@fazhi/common';
import { Select, Tag, TreeSelect } from 'antd';
import { type CSSProperties, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bilingual } from '../../app/i18n/index.ts';
import { useCategories, useOfficerSearch } from './api.ts';
import { DISPOSAL_COLORS, disposalName } from './names.ts';

interface ControlProps<T> {
  id?: string;
  value?: T;
  onChange?: (v: T) => void;
  style?: CSSProperties;
  allowClear?: boolean;
  placeholder?: string;
}

interface CategoryOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: CategoryOption[];
}

const toOptions = (nodes: IncidentCategoryNode[], activeOnly: boolean): CategoryOption[] =>
  nodes
    .filter((n) => !activeOnly || n.active)
    .map((n) => ({
      value: n.code,
      title: bilingual({ zh: n.nameZh, en: n.nameEn }),
      children: n.children.length ? toOptions(n.children, activeOnly) : undefined,
    }));

/**
 * A category or sub-category from the branch's dictionary. For recording, only active ones;
 * for filtering, all (old incidents keep retired categories).
 */
export function CategorySelect({
  activeOnly = false,
  ...props
}: ControlProps<string> & { activeOnly?: boolean }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const treeData = useMemo(() => toOptions(categories.data ?? [], activeOnly), [categories.data, activeOnly]);
  return (
    <TreeSelect<string>
      {...props}
      treeData={treeData}
      loading={categories.isPending}
      placeholder={props.placeholder ?? t('incidents.placeholder.category')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}

export function DisposalSelect(props: ControlProps<string>) {
  return (
    <Select<string>
      {...props}
      options={INCIDENT_DISPOSALS.map((d) => ({ value: d, label: disposalName(d) }))}
    />
  );
}

export function DisposalTag({ value }: { value: string }) {
  return (
    <Tag color={DISPOSAL_COLORS[value as keyof typeof DISPOSAL_COLORS] ?? 'default'}>
      {disposalName(value)}
    </Tag>
  );
}

export function TagsSelect(props: ControlProps<string[]>) {
  return (
    <Select<string[]>
      mode="multiple"
      {...props}
      options={CAMPAIGN_TAGS.map((tag) => ({ value: tag, label: tag }))}
    />
  );
}

/** Officers dispatched: searched by name or badge number; names already chosen stay shown. */
export function OfficersSelect({
  known = [],
  ...props
}: ControlProps<number[]> & { known?: { id: number; name: string; badgeNo?: string }[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const officers = useOfficerSearch(useDeferredValue(q));
  const options = useMemo(() => {
    const seen = new Set<number>();
    return [
      ...known.map((o) => ({ value: o.id, label: o.badgeNo ? `${o.name}（${o.badgeNo}）` : o.name })),
      ...(officers.data ?? []).map((o) => ({
        value: o.id,
        label: `${o.name}（${o.badgeNo} · ${o.unitName}）`,
      })),
    ].filter((o) => !seen.has(o.value) && seen.add(o.value));
  }, [officers.data, known]);
  return (
    <Select<number[]>
      {...props}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={officers.isFetching}
      placeholder={props.placeholder ?? t('incidents.placeholder.officers')}
      options={options}
    />
  );
}
