import { ApartmentOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Spin, Tooltip, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { StepUpDialog } from '../../modules/platform/login/step-up-dialog.tsx';
import { useCan, useMe } from '../auth.tsx';
import { theme } from '../theme.ts';
import { PhoneConfig, usePhone } from '../ui/responsive.tsx';
import { Brand } from './brand.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { buildMenu, selectedMenuKey } from './menu.tsx';
import { UserMenu } from './user-menu.tsx';

const COLLAPSED_KEY = 'fazhi.menuCollapsed';

/** The brand and the modules' menu: in the side bar on a desktop, in a drawer on a phone. */
function SideMenu({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the language
  const items = useMemo(() => buildMenu(t, can), [t, can, i18n.language]);
  const selected = selectedMenuKey(pathname);
  return (
    <>
      <Brand collapsed={collapsed} />
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        style={{ borderInlineEnd: 0 }}
        onClick={onNavigate}
      />
    </>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const phone = usePhone();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  // the drawer is open on the page it was opened on: any navigation closes it
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = phone && menuOpenAt === pathname;

  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout style={{ minHeight: '100vh' }} className={phone ? 'fz-phone' : undefined}>
      {phone ? (
        <Drawer
          placement="left"
          size={264}
          open={menuOpen}
          onClose={() => setMenuOpenAt(null)}
          closable={false}
          rootClassName="fz-menu-drawer"
          styles={{ body: { padding: 0, background: theme.components?.Layout?.siderBg } }}
        >
          <SideMenu onNavigate={() => setMenuOpenAt(null)} />
        </Drawer>
      ) : (
        <Layout.Sider width={220} collapsedWidth={64} collapsed={collapsed} className="fz-sider">
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="fz-header">
          <div className="fz-header-start">
            {phone ? (
              <Button
                type="text"
                aria-label={t('shell.openMenu')}
                aria-expanded={menuOpen}
                icon={<MenuOutlined />}
                onClick={() => setMenuOpenAt(pathname)}
              />
            ) : (
              <Tooltip title={collapsed ? t('shell.expand') : t('shell.collapse')}>
                <Button
                  type="text"
                  aria-label={collapsed ? t('shell.expand') : t('shell.collapse')}
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  onClick={toggle}
                />
              </Tooltip>
            )}
            <div className="fz-header-unit">
              <ApartmentOutlined />
              {!phone && <Typography.Text type="secondary">{t('shell.currentUnit')}</Typography.Text>}
              {/* a long unit name gives way on a narrow screen; the whole name is in its tooltip */}
              <Typography.Text strong ellipsis={{ tooltip: me.unit.name }} data-testid="current-unit">
                {me.unit.name}
              </Typography.Text>
            </div>
          </div>
          <div className="fz-header-end">
            <LanguageSwitch />
            <UserMenu compact={phone} />
          </div>
        </Layout.Header>
        <Layout.Content className="fz-content">
          <PhoneConfig>
            <Suspense
              fallback={
                <div className="fz-center">
                  <Spin />
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </PhoneConfig>
          <StepUpDialog />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
