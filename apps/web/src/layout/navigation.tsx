import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BuildOutlined,
  CalendarOutlined,
  ControlOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  FormOutlined,
  HeartOutlined,
  ImportOutlined,
  InteractionOutlined,
  MessageOutlined,
  ProjectOutlined,
  SendOutlined,
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

type ModuleKey = 'serviceDesk' | 'incidents' | 'surveys' | 'campaigns' | 'surveyFollowups' | 'analytics' | 'experience';
type ManagementKey =
  | 'projects' | 'buildings' | 'persons' | 'imports' | 'staff' | 'slaPolicies' | 'calendar' | 'serviceDeskSettings' | 'dispatchRules' | 'cannedReplies' | 'webhooks'
  | 'auditLog' | 'indicatorSystems' | 'surveyImports';

/** `roles`: only these see the entry (the server checks again); absent means everyone. */
type Destination<Key> = { key: Key; path: string; icon: ReactNode; roles?: readonly StaffRole[] };

/** The product's modules; those still to be built show the "coming soon" page until they land. */
export const upcomingModules: Destination<ModuleKey>[] = [
  { key: 'serviceDesk', path: '/service-desk', icon: <CustomerServiceOutlined /> },
  { key: 'incidents', path: '/incidents', icon: <AlertOutlined /> },
  { key: 'surveys', path: '/surveys', icon: <FormOutlined /> },
  { key: 'campaigns', path: '/campaigns', icon: <SendOutlined /> },
  { key: 'surveyFollowups', path: '/survey-followups', icon: <InteractionOutlined /> },
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
  // The server lets only company-wide roles change K/T (incident settings) and the visit shares (sla.manage).
  { key: 'serviceDeskSettings', path: '/service-desk-settings', icon: <ControlOutlined />, roles: ['admin', 'quality'] },
  { key: 'dispatchRules', path: '/dispatch-rules', icon: <ShareAltOutlined />, roles: ['admin', 'manager'] },
  { key: 'cannedReplies', path: '/canned-replies', icon: <MessageOutlined />, roles: ['admin', 'quality', 'manager'] },
  { key: 'webhooks', path: '/webhooks', icon: <ApiOutlined />, roles: ['admin'] },
  { key: 'indicatorSystems', path: '/indicator-systems', icon: <ApartmentOutlined />, roles: ['admin', 'quality', 'manager'] },
  // survey.import: the quality department and admin bring in questionnaires collected elsewhere.
  { key: 'surveyImports', path: '/survey-imports', icon: <ImportOutlined />, roles: ['admin', 'quality'] },
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
