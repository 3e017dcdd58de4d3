import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BuildOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  FormOutlined,
  HeartOutlined,
  MessageOutlined,
  ProjectOutlined,
  SettingOutlined,
  ShareAltOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { StaffRole } from '@manyi/core';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

type ModuleKey = 'serviceDesk' | 'incidents' | 'surveys' | 'analytics' | 'experience';
type ManagementKey =
  | 'projects' | 'buildings' | 'persons' | 'imports' | 'staff' | 'slaPolicies' | 'calendar' | 'dispatchRules' | 'cannedReplies' | 'webhooks' | 'auditLog';

/** `roles`: only these see the entry (the server checks again); absent means everyone. */
type Destination<Key> = { key: Key; path: string; icon: ReactNode; roles?: readonly StaffRole[] };

/** The product's modules; those still to be built show the "coming soon" page until they land. */
export const upcomingModules: Destination<ModuleKey>[] = [
  { key: 'serviceDesk', path: '/service-desk', icon: <CustomerServiceOutlined /> },
  { key: 'incidents', path: '/incidents', icon: <AlertOutlined /> },
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
  { key: 'slaPolicies', path: '/sla-policies', icon: <ClockCircleOutlined />, roles: ['admin', 'quality'] },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, roles: ['admin', 'quality'] },
  { key: 'dispatchRules', path: '/dispatch-rules', icon: <ShareAltOutlined />, roles: ['admin', 'manager'] },
  { key: 'cannedReplies', path: '/canned-replies', icon: <MessageOutlined />, roles: ['admin', 'quality', 'manager'] },
  { key: 'webhooks', path: '/webhooks', icon: <ApiOutlined />, roles: ['admin'] },
  { key: 'auditLog', path: '/audit-logs', icon: <AuditOutlined /> },
];

type MenuItems = NonNullable<MenuProps['items']>;

const allowed = (roles: readonly StaffRole[]) => (entry: Destination<string>) => !entry.roles || entry.roles.some((role) => roles.includes(role));

export function menuItems(t: TFunction, roles: readonly StaffRole[]): MenuItems {
  return [
    ...upcomingModules.filter(allowed(roles)).map((module) => ({ key: module.path, icon: module.icon, label: t(`nav.${module.key}`) })),
    {
      key: 'management',
      icon: <SettingOutlined />,
      label: t('nav.management'),
      children: managementPages.filter(allowed(roles)).map((page) => ({ key: page.path, icon: page.icon, label: t(`nav.${page.key}`) })),
    },
  ];
}

/** The menu entry that owns a location: /persons/123 belongs to /persons. */
export function selectedMenuKey(pathname: string): string {
  const all = [...upcomingModules, ...managementPages];
  const match = all.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  return match?.path ?? '';
}
