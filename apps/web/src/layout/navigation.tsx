import {
  AuditOutlined,
  BarChartOutlined,
  BuildOutlined,
  CustomerServiceOutlined,
  FormOutlined,
  HeartOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

type ModuleKey = 'serviceDesk' | 'surveys' | 'analytics' | 'experience';
type ManagementKey = 'projects' | 'buildings' | 'persons' | 'imports' | 'staff' | 'auditLog';

type Destination<Key> = { key: Key; path: string; icon: ReactNode };

/** The product's modules; those still to be built show the "coming soon" page until they land. */
export const upcomingModules: Destination<ModuleKey>[] = [
  { key: 'serviceDesk', path: '/service-desk', icon: <CustomerServiceOutlined /> },
  { key: 'surveys', path: '/surveys', icon: <FormOutlined /> },
  { key: 'analytics', path: '/analytics', icon: <BarChartOutlined /> },
  { key: 'experience', path: '/experience', icon: <HeartOutlined /> },
];

export const managementPages: Destination<ManagementKey>[] = [
  { key: 'projects', path: '/projects', icon: <ProjectOutlined /> },
  { key: 'buildings', path: '/buildings', icon: <BuildOutlined /> },
  { key: 'persons', path: '/persons', icon: <UserOutlined /> },
  { key: 'imports', path: '/imports', icon: <UploadOutlined /> },
  { key: 'staff', path: '/staff', icon: <TeamOutlined /> },
  { key: 'auditLog', path: '/audit-logs', icon: <AuditOutlined /> },
];

type MenuItems = NonNullable<MenuProps['items']>;

export function menuItems(t: TFunction): MenuItems {
  return [
    ...upcomingModules.map((module) => ({ key: module.path, icon: module.icon, label: t(`nav.${module.key}`) })),
    {
      key: 'management',
      icon: <SettingOutlined />,
      label: t('nav.management'),
      children: managementPages.map((page) => ({ key: page.path, icon: page.icon, label: t(`nav.${page.key}`) })),
    },
  ];
}

/** The menu entry that owns a location: /persons/123 belongs to /persons. */
export function selectedMenuKey(pathname: string): string {
  const all = [...upcomingModules, ...managementPages];
  const match = all.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  return match?.path ?? '';
}
