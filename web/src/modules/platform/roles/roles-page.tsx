import {
  ADMIN_ROLES,
  DATA_SCOPES,
  type DataScope,
  needsSecondFactor,
  PERMISSION_NAMES,
  type Permission,
  type RoleResponse,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { useAction } from '../../../app/ui/action.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { PermissionsDrawer } from './permissions-drawer.tsx';

const ROLES_KEY = ['roles'] as const;
interface RoleList {
  items: RoleResponse[];
  permissions: Permission[];
}
type RoleUpdate = { code: RoleResponse['code'] } & Partial<
  Pick<RoleResponse, 'requiresTotp' | 'scope' | 'permissions'>
>;

function useUpdateRole(onSuccess?: () => void) {
  const { t } = useTranslation();
  return useAction(({ code, ...patch }: RoleUpdate) => api.patch(`/api/roles/${code}`, patch), {
    invalidate: [ROLES_KEY, ['me']],
    success: t('common.saved'),
    onSuccess,
  });
}

export default function RolesPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const manage = useCan()('role.manage');
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: () => api.get<RoleList>('/api/roles') });
  const update = useUpdateRole();
  const [editing, setEditing] = useState<RoleResponse | null>(null);

  const setTotp = (r: RoleResponse, on: boolean) => {
    if (on) return void update.run({ code: r.code, requiresTotp: true });
    modal.confirm({
      title: t('roles.totpOffTitle'),
      content: t('roles.totpOffConfirm', { name: bilingual({ zh: r.nameZh, en: r.nameEn }) }),
      okButtonProps: { danger: true },
      onOk: () => update.run({ code: r.code, requiresTotp: false }),
    });
  };

  return (
    <Page title={t('roles.title')}>
      <ErrorAlert error={roles.error} onRetry={() => roles.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<RoleResponse>
          size="middle"
          rowKey="code"
          loading={roles.isFetching}
          dataSource={roles.data?.items}
          pagination={false}
          columns={[
            {
              title: t('roles.name'),
              key: 'name',
              width: 240,
              render: (_, r) => (
                <Space size={6}>
                  <Typography.Text strong>{bilingual({ zh: r.nameZh, en: r.nameEn })}</Typography.Text>
                  {ADMIN_ROLES.includes(r.code) && <Tag color="purple">{t('roles.adminTag')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('roles.scope'),
              dataIndex: 'scope',
              width: 200,
              render: (scope: DataScope, r) =>
                manage ? (
                  <Select<DataScope>
                    value={scope}
                    style={{ width: 170 }}
                    aria-label={t('roles.scope')}
                    onChange={(v) => update.run({ code: r.code, scope: v })}
                    options={DATA_SCOPES.map((s) => ({ value: s, label: t(`roles.scopes.${s}`) }))}
                  />
                ) : (
                  t(`roles.scopes.${scope}`)
                ),
            },
            {
              title: t('roles.requiresTotp'),
              dataIndex: 'requiresTotp',
              width: 130,
              render: (v: boolean, r) => (
                // a role that reads case data or administers keeps its second factor (等保 level 3)
                <Tooltip title={needsSecondFactor(r.permissions) ? t('roles.totpRequiredHint') : undefined}>
                  <Switch
                    checked={v}
                    disabled={!manage || needsSecondFactor(r.permissions)}
                    aria-label={t('roles.requiresTotp')}
                    onChange={(on) => setTotp(r, on)}
                  />
                </Tooltip>
              ),
            },
            {
              title: t('roles.members'),
              dataIndex: 'members',
              width: 110,
              render: (n: number, r) => <Link to={`/officers?role=${r.code}`}>{n}</Link>,
            },
            {
              title: t('roles.permissions'),
              dataIndex: 'permissions',
              render: (ps: Permission[]) => (
                <Space size={[0, 4]} wrap>
                  {ps.map((p) => (
                    <Tag key={p}>{bilingual(PERMISSION_NAMES[p])}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 120,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  {manage ? t('roles.editPermissions') : t('roles.viewPermissions')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <PermissionsDrawer
        role={editing}
        all={roles.data?.permissions ?? []}
        readOnly={!manage}
        onClose={() => setEditing(null)}
      />
    </Page>
  );
}
