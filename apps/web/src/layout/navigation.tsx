import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BuildOutlined,
  CalendarOutlined,
  ControlOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  FormOutlined,
  HeartOutlined,
  ImportOutlined,
  InteractionOutlined,
  MessageOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  ShareAltOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
  UserOutlined,
  FundOutlined,
} from '@ant-design/icons';
import type { AbilityName } from '@manyi/contracts/abilities';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

type ModuleKey =
  | 'serviceDesk'
  | 'incidents'
  | 'notices'
  | 'surveys'
  | 'campaigns'
  | 'surveyFollowups'
  | 'analytics'
  | 'experience'
  | 'cases'
  | 'training'
  | 'quality'
  | 'inspections'
  | 'gaps'
  | 'plans'
  | 'ownerVoice'
  | 'scripts'
  | 'scorecards';
type ManagementKey =
  | 'projects'
  | 'buildings'
  | 'persons'
  | 'imports'
  | 'staff'
  | 'slaPolicies'
  | 'calendar'
  | 'serviceDeskSettings'
  | 'dispatchRules'
  | 'cannedReplies'
  | 'webhooks'
  | 'auditLog'
  | 'indicatorSystems'
  | 'surveyImports';

/** `ability`: only users holding it (GET /auth/me) see the entry; the server checks again. Absent means everyone. */
type Destination<Key> = { key: Key; path: string; icon: ReactNode; ability?: AbilityName };

/** The product's modules; those still to be built show the "coming soon" page until they land. */
export const upcomingModules: Destination<ModuleKey>[] = [
  { key: 'serviceDesk', path: '/service-desk', icon: <CustomerServiceOutlined /> },
  { key: 'incidents', path: '/incidents', icon: <AlertOutlined /> },
  { key: 'notices', path: '/notices', icon: <NotificationOutlined />, ability: 'notice.manage' },
  { key: 'surveys', path: '/surveys', icon: <FormOutlined /> },
  { key: 'campaigns', path: '/campaigns', icon: <SendOutlined /> },
  { key: 'surveyFollowups', path: '/survey-followups', icon: <InteractionOutlined /> },
  { key: 'analytics', path: '/analytics', icon: <BarChartOutlined />, ability: 'analytics.read' },
  { key: 'experience', path: '/experience', icon: <HeartOutlined /> },
  { key: 'cases', path: '/cases', icon: <TrophyOutlined /> },
  { key: 'training', path: '/training', icon: <ReadOutlined /> },
  { key: 'scorecards', path: '/scorecards', icon: <TrophyOutlined /> },
  { key: 'scripts', path: '/scripts', icon: <BookOutlined /> },
  { key: 'quality', path: '/quality', icon: <SafetyCertificateOutlined />, ability: 'text_qa.manage' },
  { key: 'inspections', path: '/inspections', icon: <AuditOutlined /> },
  { key: 'gaps', path: '/gaps', icon: <FundOutlined />, ability: 'gap.read' },
  { key: 'plans', path: '/plans', icon: <AimOutlined /> },
  { key: 'ownerVoice', path: '/owner-voice', icon: <CommentOutlined />, ability: 'survey.results' },
];

export const managementPages: Destination<ManagementKey>[] = [
  { key: 'projects', path: '/projects', icon: <ProjectOutlined /> },
  { key: 'buildings', path: '/buildings', icon: <BuildOutlined /> },
  { key: 'persons', path: '/persons', icon: <UserOutlined /> },
  { key: 'imports', path: '/imports', icon: <UploadOutlined />, ability: 'import.run' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, ability: 'staff.read' },
  { key: 'slaPolicies', path: '/sla-policies', icon: <ClockCircleOutlined />, ability: 'sla.manage' },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, ability: 'sla.manage' },
  // The detection thresholds (incident.settings) and the visit shares (sla.manage) are edited together; incident.settings is the narrower.
  { key: 'serviceDeskSettings', path: '/service-desk-settings', icon: <ControlOutlined />, ability: 'incident.settings' },
  { key: 'dispatchRules', path: '/dispatch-rules', icon: <ShareAltOutlined />, ability: 'dispatch.manage' },
  { key: 'cannedReplies', path: '/canned-replies', icon: <MessageOutlined />, ability: 'canned_reply.manage' },
  { key: 'webhooks', path: '/webhooks', icon: <ApiOutlined />, ability: 'webhook.manage' },
  // Every role may read indicator systems; the menu offers them to those who read the results they weigh.
  { key: 'indicatorSystems', path: '/indicator-systems', icon: <ApartmentOutlined />, ability: 'survey.results' },
  { key: 'surveyImports', path: '/survey-imports', icon: <ImportOutlined />, ability: 'survey.import' },
  { key: 'auditLog', path: '/audit-logs', icon: <AuditOutlined />, ability: 'audit.read' },
];

type MenuItems = NonNullable<MenuProps['items']>;

const allowed = (abilities: readonly AbilityName[]) => (entry: Destination<string>) => !entry.ability || abilities.includes(entry.ability);

export function menuItems(t: TFunction, abilities: readonly AbilityName[]): MenuItems {
  return [
    ...upcomingModules.filter(allowed(abilities)).map((module) => ({ key: module.path, icon: module.icon, label: t(`nav.${module.key}`) })),
    {
      key: 'management',
      icon: <SettingOutlined />,
      label: t('nav.management'),
      children: managementPages.filter(allowed(abilities)).map((page) => ({ key: page.path, icon: page.icon, label: t(`nav.${page.key}`) })),
    },
  ];
}

/** The menu entry that owns a location: /persons/123 belongs to /persons. */
export function selectedMenuKey(pathname: string): string {
  const all = [...upcomingModules, ...managementPages];
  const match = all.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  return match?.path ?? '';
}
