import type { OfficerResponse } from '@fazhi/common';
import { Select } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficers } from './api.ts';

interface OfficerSelectProps {
  id?: string;
  value?: number | number[] | null;
  onChange?: (v: number | number[] | undefined, officer?: OfficerResponse | OfficerResponse[]) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Names of officers already chosen, so a value shows its name before any search. */
  known?: { id: number; name: string }[];
}

/** Picks officers of the branch by name or badge number. Works as an antd Form control. */
export function OfficerSelect({
  multiple,
  placeholder,
  known = [],
  value,
  onChange,
  id,
}: OfficerSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const officers = useOfficers(deferred);
  const options = useMemo(() => {
    const seen = new Set<number>();
    const list = [
      ...(officers.data ?? []).map((o) => ({
        value: o.id,
        label: `${o.name}（${o.badgeNo} · ${o.unitName}）`,
      })),
      ...known.map((k) => ({ value: k.id, label: k.name })),
    ];
    return list.filter((o) => !seen.has(o.value) && seen.add(o.value));
  }, [officers.data, known]);
  return (
    <Select<number | number[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v) => {
        const pick = (i: number) => officers.data?.find((o) => o.id === i);
        const picked = Array.isArray(v)
          ? v.map(pick).filter((o): o is OfficerResponse => !!o)
          : v === undefined
            ? undefined
            : pick(v);
        onChange?.(v, picked);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={officers.isFetching}
      placeholder={placeholder ?? t('cases.pickOfficer')}
      options={options}
      notFoundContent={officers.isFetching ? t('common.loading') : undefined}
    />
  );
}
