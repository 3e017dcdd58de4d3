import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { holdsAbility, useMe } from '../../api/auth';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpin } from '../../shared/PageSpin';
import { CompanyHome } from './CompanyHome';
import { ComplaintsTab } from './ComplaintsTab';
import { FeesTab } from './FeesTab';
import { GbtTab } from './GbtTab';
import { ReportsTab } from './ReportsTab';
import { useSearchParams } from 'react-router-dom';
import { ProjectHome } from './ProjectHome';
import { StewardHome } from './StewardHome';

/**
 * Every role's home (issue 16 §1), chosen from the abilities /auth/me carries: analytics of the
 * whole company → the company home; analytics of some projects → the project manager's home;
 * otherwise the staff member's own queue, ratings and visits.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return <PageSpin />;
  const analytics = holdsAbility(me, 'analytics.read');
  const view = analytics && me.abilities.allProjects ? 'company' : analytics ? 'project' : 'steward';
  return (
    <>
      <PageHeader title={t(`analytics.homes.${view}`)} />
      {view === 'company' ? <CompanyHome /> : view === 'project' ? <ProjectHome /> : <StewardHome />}
    </>
  );
}

/** The 数据分析 menu entry: the dashboard with drill-down and rankings, complaint analytics, fee collection (a project manager's scope is their projects). */
export function AnalyticsPage() {
  const { t } = useTranslation();
  // The tab is in the address (?tab=reports&report=…: the link the group bots carry).
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'home';
  return (
    <>
      <PageHeader title={t('analytics.title')} />
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={(key) => setParams(key === 'home' ? {} : { tab: key })}
        items={[
          { key: 'home', label: t('analytics.tabs.home'), children: <CompanyHome /> },
          { key: 'complaints', label: t('analytics.tabs.complaints'), children: <ComplaintsTab /> },
          { key: 'fees', label: t('analytics.tabs.fees'), children: <FeesTab /> },
          { key: 'gbt', label: t('analytics.tabs.gbt'), children: <GbtTab /> },
          { key: 'reports', label: t('analytics.tabs.reports'), children: <ReportsTab /> },
        ]}
      />
    </>
  );
}
