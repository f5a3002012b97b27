import { PlusOutlined } from '@ant-design/icons';
import type { UnitResponse } from '@fazhi/common';
import { Button, Checkbox, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { unitKindName } from '../../../app/names.ts';
import { useAction } from '../../../app/ui/action.ts';
import { ExcelImport } from '../../../app/ui/excel-import.tsx';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { UnitDrawer, type UnitEditing } from './unit-drawer.tsx';
import { buildUnitTree, filterTree, UNITS_KEY, type UnitNode, useUnits } from './use-units.ts';

export default function UnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('unit.manage');
  const units = useUnits();
  const [keyword, setKeyword] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<UnitEditing>(null);
  // the branch and its direct units open at first; a search opens everything it finds
  const [expanded, setExpanded] = useState<Set<number> | null>(null);

  const all = units.data ?? [];
  const tree = useMemo(() => {
    const k = keyword.trim().toLowerCase();
    const visible = all.filter((u) => showInactive || u.active);
    const roots = buildUnitTree(visible);
    return k
      ? filterTree(roots, (u) => u.name.toLowerCase().includes(k) || u.code.toLowerCase().includes(k))
      : roots;
  }, [all, keyword, showInactive]);
  const active = all.filter((u) => u.active);
  const caseHandling = active.filter((u) => u.caseHandling).length;

  const setActive = useAction((u: UnitResponse) => api.patch(`/api/units/${u.id}`, { active: !u.active }), {
    invalidate: [UNITS_KEY],
    success: t('common.done'),
  });

  return (
    <Page
      title={t('units.title')}
      extra={
        manage && (
          <>
            <ExcelImport
              what={t('units.title')}
              uploadPath="/api/units/import"
              templatePath="/api/units/import-template"
              templateName="units-template.xlsx"
              invalidate={[UNITS_KEY]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              {t('units.create')}
            </Button>
          </>
        )
      }
    >
      <ErrorAlert error={units.error} onRetry={() => units.refetch()} />
      <div className="fz-panel">
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            flexWrap: 'wrap',
            gap: 12,
            marginBottom: 16,
          }}
        >
          <Space size={16} wrap>
            <Input.Search
              allowClear
              placeholder={t('units.search')}
              style={{ width: 260 }}
              onSearch={setKeyword}
              onChange={(e) => !e.target.value && setKeyword('')}
            />
            <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
              {t('units.showInactive')}
            </Checkbox>
          </Space>
          <Typography.Text type="secondary" data-testid="unit-counts">
            {t('units.counts', { total: active.length, caseHandling })}
          </Typography.Text>
        </div>
        <Table<UnitNode>
          rowKey="id"
          size="middle"
          loading={units.isFetching}
          dataSource={tree}
          pagination={false}
          expandable={{
            expandedRowKeys: keyword.trim()
              ? all.map((u) => u.id)
              : [...(expanded ?? all.filter((u) => u.parentId === null).map((u) => u.id))],
            onExpandedRowsChange: (keys) => {
              if (!keyword.trim()) setExpanded(new Set(keys as number[]));
            },
          }}
          columns={[
            {
              title: t('units.name'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <Typography.Text strong={u.parentId === null} delete={!u.active}>
                  {name}
                </Typography.Text>
              ),
            },
            { title: t('units.kind'), dataIndex: 'kind', width: 120, render: unitKindName },
            {
              title: t('units.code'),
              dataIndex: 'code',
              width: 160,
              render: (c: string) => <span className="fz-mono">{c}</span>,
            },
            {
              title: t('units.caseHandling'),
              dataIndex: 'caseHandling',
              width: 120,
              render: (v: boolean) => (v ? <Tag color="blue">{t('units.caseHandlingTag')}</Tag> : null),
            },
            {
              title: t('common.status'),
              dataIndex: 'active',
              width: 100,
              render: (v: boolean) =>
                v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
            },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 230,
                    render: (_: unknown, u: UnitNode) => (
                      <Space size={4}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setEditing({ mode: 'edit', unit: u })}
                        >
                          {t('common.edit')}
                        </Button>
                        {u.active && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setEditing({ mode: 'create', parentId: u.id })}
                          >
                            {t('units.addChild')}
                          </Button>
                        )}
                        {u.parentId !== null && (
                          <Popconfirm
                            title={
                              u.active
                                ? t('units.deactivateConfirm', { name: u.name })
                                : t('units.activateConfirm', { name: u.name })
                            }
                            okButtonProps={{ danger: u.active }}
                            onConfirm={() => setActive.run(u)}
                          >
                            <Button type="link" size="small" danger={u.active}>
                              {u.active ? t('common.deactivate') : t('common.activate')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <UnitDrawer editing={editing} onClose={() => setEditing(null)} />
    </Page>
  );
}
