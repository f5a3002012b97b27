import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { type OfficerResponse, PERSONNEL_KINDS, ROLE_CODES } from '@fazhi/common';
import {
  App,
  Button,
  Dropdown,
  Form,
  Input,
  type MenuProps,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { personnelKindName, qualificationName, roleName } from '../../../app/names.ts';
import { useAction } from '../../../app/ui/action.ts';
import { ExcelImport } from '../../../app/ui/excel-import.tsx';
import { FilterBar } from '../../../app/ui/filter-bar.tsx';
import { EMPTY } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import { ResetPasswordDialog, RolesDialog } from './officer-dialogs.tsx';
import { OfficerDrawer } from './officer-drawer.tsx';

type Dialog = 'edit' | 'roles' | 'password';
// the unit id travels as text in the address bar, the tree select wants a number
const toForm = (f: Filters) => ({ ...f, unitId: f.unitId ? Number(f.unitId) : undefined });

function Status({ o }: { o: OfficerResponse }) {
  const { t } = useTranslation();
  if (!o.active) return <Tag>{t('officers.disabled')}</Tag>;
  if (o.locked) return <Tag color="red">{t('officers.locked')}</Tag>;
  return <Tag color="success">{t('common.active')}</Tag>;
}

export default function OfficersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { modal } = App.useApp();
  const list = useList<OfficerResponse>('officers', '/api/officers');
  const [open, setOpen] = useState<{ dialog: Dialog; officer?: OfficerResponse } | null>(null);
  const close = () => setOpen(null);
  const dialogOf = (d: Dialog) => (open?.dialog === d ? (open.officer ?? null) : null);

  const post = useAction(
    (a: { o: OfficerResponse; path: string }) => api.post(`/api/officers/${a.o.id}/${a.path}`),
    {
      invalidate: [['officers']],
      success: t('common.done'),
    },
  );
  const setActive = useAction(
    (o: OfficerResponse) => api.patch(`/api/officers/${o.id}`, { active: !o.active }),
    {
      invalidate: [['officers']],
      success: t('common.done'),
    },
  );

  const confirm = (title: string, content: string, onOk: () => Promise<void>) =>
    modal.confirm({ title, content, onOk, okButtonProps: { danger: true } });

  const menu = (o: OfficerResponse): MenuProps['items'] =>
    [
      can('officer.assignRoles') && { key: 'roles', label: t('officers.assignRoles') },
      can('officer.unlock') && o.locked && { key: 'unlock', label: t('officers.unlock') },
      can('officer.manage') && {
        key: 'password',
        label: t('officers.resetPassword'),
      },
      // only the security administrator resets a second factor (三员分立)
      can('security.manage') &&
        o.totpEnabled && { key: 'totp', label: t('officers.resetTotp'), danger: true },
      can('officer.manage') && {
        key: 'active',
        label: o.active ? t('officers.disable') : t('officers.enable'),
        danger: o.active,
      },
    ].filter((x) => !!x);

  const onMenu = (o: OfficerResponse, key: string) => {
    if (key === 'roles') setOpen({ dialog: 'roles', officer: o });
    if (key === 'password') setOpen({ dialog: 'password', officer: o });
    if (key === 'unlock')
      confirm(t('officers.unlock'), t('officers.unlockConfirm', { name: o.name }), () =>
        post.run({ o, path: 'unlock' }),
      );
    if (key === 'totp')
      confirm(t('officers.resetTotp'), t('officers.resetTotpConfirm', { name: o.name }), () =>
        post.run({ o, path: 'reset-totp' }),
      );
    if (key === 'active')
      confirm(
        o.active ? t('officers.disable') : t('officers.enable'),
        t(o.active ? 'officers.disableConfirm' : 'officers.enableConfirm', { name: o.name }),
        () => setActive.run(o),
      );
  };

  return (
    <Page
      title={t('officers.title')}
      extra={
        can('officer.manage') && (
          <>
            <ExcelImport
              what={t('officers.title')}
              uploadPath="/api/officers/import"
              templatePath="/api/officers/import-template"
              templateName="officers-template.xlsx"
              invalidate={[['officers']]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ dialog: 'edit' })}>
              {t('officers.create')}
            </Button>
          </>
        )
      }
    >
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm}>
        <Form.Item name="unitId" label={t('officers.unit')}>
          <UnitTreeSelect allowClear style={{ width: 220 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('officers.searchHint')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('officers.personnelKind')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 130 }}
            options={PERSONNEL_KINDS.map((k) => ({ value: k, label: personnelKindName(k) }))}
          />
        </Form.Item>
        <Form.Item name="role" label={t('officers.roles')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            options={ROLE_CODES.map((r) => ({ value: r, label: roleName(r) }))}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<OfficerResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1240 }}
          columns={[
            {
              title: t('officers.badgeNo'),
              dataIndex: 'badgeNo',
              width: 90,
              fixed: 'left',
              render: (v: string) => <span className="fz-mono">{v}</span>,
            },
            {
              title: t('officers.name'),
              dataIndex: 'name',
              width: 110,
              fixed: 'left',
              render: (v: string, o) => (
                <div>
                  <div>{v}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.username}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('officers.personnelKind'),
              dataIndex: 'personnelKind',
              width: 90,
              render: (k: OfficerResponse['personnelKind']) =>
                k === 'police' ? personnelKindName(k) : <Tag color="orange">{personnelKindName(k)}</Tag>,
            },
            { title: t('officers.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
            {
              title: t('officers.roles'),
              dataIndex: 'roles',
              width: 200,
              render: (roles: OfficerResponse['roles']) =>
                roles.length ? (
                  <Space size={[0, 4]} wrap>
                    {roles.map((r) => (
                      <Tag key={r}>{roleName(r)}</Tag>
                    ))}
                  </Space>
                ) : (
                  EMPTY
                ),
            },
            {
              title: t('officers.qualification'),
              dataIndex: 'qualificationLevel',
              width: 100,
              render: (q: OfficerResponse['qualificationLevel'], o) =>
                q ? (
                  <Tooltip title={o.qualificationDate && t('officers.since', { date: o.qualificationDate })}>
                    {qualificationName(q)}
                  </Tooltip>
                ) : (
                  EMPTY
                ),
            },
            {
              title: t('officers.legalProfessionShort'),
              dataIndex: 'legalProfessionQualified',
              width: 100,
              render: (v: boolean) => (v ? <Tag color="geekblue">{t('officers.qualified')}</Tag> : EMPTY),
            },
            {
              title: t('officers.legalOfficer'),
              dataIndex: 'legalOfficer',
              width: 90,
              render: (v: boolean, o) =>
                v ? (
                  <Tooltip title={o.legalOfficerSince && t('officers.since', { date: o.legalOfficerSince })}>
                    <Tag color="cyan">{t('officers.legalOfficer')}</Tag>
                  </Tooltip>
                ) : (
                  EMPTY
                ),
            },
            { title: t('common.status'), key: 'status', width: 80, render: (_, o) => <Status o={o} /> },
            {
              title: t('officers.totp'),
              dataIndex: 'totpEnabled',
              width: 80,
              render: (v: boolean) =>
                v ? <Tag color="success">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              fixed: 'right',
              render: (_, o) => {
                const items = menu(o);
                return (
                  <Space size={0}>
                    {can('officer.manage') && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setOpen({ dialog: 'edit', officer: o })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                    {!!items?.length && (
                      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onMenu(o, key) }}>
                        <Button type="link" size="small">
                          {t('common.more')} <DownOutlined />
                        </Button>
                      </Dropdown>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </div>
      <OfficerDrawer open={open?.dialog === 'edit'} officer={open?.officer} onClose={close} />
      <RolesDialog officer={dialogOf('roles')} onClose={close} />
      <ResetPasswordDialog officer={dialogOf('password')} onClose={close} />
    </Page>
  );
}
