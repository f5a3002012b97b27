import type { CaseSummary } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';

interface CaseSelectProps {
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  /** Cases already chosen, so they show their numbers before any search. */
  known?: { id: number; caseNo: string; title: string }[];
}

/** Picks cases by case number or title (the committee's 研究案件). Works as an antd Form control. */
export function CaseSelect({ id, value, onChange, known = [] }: CaseSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const cases = useQuery({
    queryKey: ['cases', 'pick', deferred],
    queryFn: () => api.get<{ items: CaseSummary[] }>('/api/cases', { q: deferred, pageSize: 20 }),
    enabled: deferred.length >= 2,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const seen = new Set<number>();
    return [...known, ...(cases.data?.items ?? [])]
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .map((c) => ({ value: c.id, label: `${c.caseNo} ${c.title}` }));
  }, [cases.data, known]);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={cases.isFetching}
      placeholder={t('supervision.committee.casesHint')}
      options={options}
      notFoundContent={cases.isFetching ? t('common.loading') : undefined}
    />
  );
}
