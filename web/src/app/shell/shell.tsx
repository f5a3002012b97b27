import { ApartmentOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tooltip, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useCan, useMe } from '../auth.tsx';
import { Brand } from './brand.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { buildMenu, selectedMenuKey } from './menu.tsx';
import { UserMenu } from './user-menu.tsx';

const COLLAPSED_KEY = 'fazhi.menuCollapsed';

export function Shell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the language
  const items = useMemo(() => buildMenu(t, can), [t, can, i18n.language]);
  const selected = selectedMenuKey(pathname);

  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} collapsedWidth={64} collapsed={collapsed} className="fz-sider">
        <Brand collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="fz-header">
          <Space size={12}>
            <Tooltip title={collapsed ? t('shell.expand') : t('shell.collapse')}>
              <Button
                type="text"
                aria-label={collapsed ? t('shell.expand') : t('shell.collapse')}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggle}
              />
            </Tooltip>
            <Space size={6} className="fz-header-unit">
              <ApartmentOutlined />
              <Typography.Text type="secondary">{t('shell.currentUnit')}</Typography.Text>
              <Typography.Text strong data-testid="current-unit">
                {me.unit.name}
              </Typography.Text>
            </Space>
          </Space>
          <Space size={16}>
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content className="fz-content">
          <Suspense
            fallback={
              <div className="fz-center">
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
