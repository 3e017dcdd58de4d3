import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../api/types';
import { PageSpin } from '../shared/PageSpin';
import { AlertsBell } from './AlertsBell';
import { LanguageSwitch } from './LanguageSwitch';
import { menuItems, selectedMenuKey } from './navigation';
import { ProjectSwitcher } from './ProjectSwitcher';
import { UserMenu } from './UserMenu';

const siderWidth = 240;

function Brand({ inverted }: { inverted: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px' }}>
      <span
        aria-hidden
        style={{ width: 28, height: 28, borderRadius: 7, background: '#1677ff', color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 700 }}
      >
        满
      </span>
      <Typography.Text strong style={{ color: inverted ? '#fff' : undefined, fontSize: 16 }}>
        {t('app.name')}
      </Typography.Text>
    </Flex>
  );
}

/** Staff console frame: fixed sider on desktops, a drawer behind a menu button on narrow screens. */
export function ConsoleLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement every breakpoint is undefined; assume a desktop to avoid a flash.
  const wide = screens.lg ?? true;
  const selected = selectedMenuKey(location.pathname);

  const menu = (inverted: boolean) => (
    <Menu
      theme={inverted ? 'dark' : 'light'}
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={['management']}
      items={menuItems(t, me.abilities.permissions)}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      data-testid="side-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider width={siderWidth} style={{ position: 'fixed', insetBlock: 0, left: 0, overflow: 'auto' }}>
          <Brand inverted />
          {menu(true)}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={siderWidth + 40}
          styles={{ body: { padding: 0 } }}
          title={<Brand inverted={false} />}
        >
          {menu(false)}
        </Drawer>
      )}
      <Layout style={{ marginLeft: wide ? siderWidth : 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: wide ? '0 24px' : '0 12px',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
            <Flex align="center" gap={12} style={{ minWidth: 0 }}>
              {wide ? null : (
                <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.menu')} data-testid="menu-toggle" onClick={() => setDrawerOpen(true)} />
              )}
              {screens.md === false ? null : (
                <Typography.Text strong ellipsis data-testid="company-name" style={{ maxWidth: 240 }}>
                  {me.tenant.name}
                </Typography.Text>
              )}
              <ProjectSwitcher width={wide ? 220 : 160} />
            </Flex>
            <Flex align="center" gap={4}>
              <AlertsBell />
              <LanguageSwitch />
              <UserMenu me={me} compact={!wide} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <div style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, padding: wide ? 24 : 16, minHeight: 'calc(100vh - 104px)' }}>
            {/* The page's own code may still be loading; keep the menu and header meanwhile. */}
            <Suspense fallback={<PageSpin minHeight={320} />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
