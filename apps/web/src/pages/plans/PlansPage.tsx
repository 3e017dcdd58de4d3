import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { ActionsTab } from './ActionsTab';
import { AgendaTab } from './AgendaTab';
import { MeetingsTab } from './MeetingsTab';
import { TargetsTab } from './TargetsTab';

/** The management loop of seed 001 第四讲: SMART targets and 当众承诺, key actions claimed by the team, the town hall, the weekly meeting. */
export function PlansPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('plans.title')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'targets', label: t('plans.tabs.targets'), children: <TargetsTab /> },
          { key: 'actions', label: t('plans.tabs.actions'), children: <ActionsTab /> },
          { key: 'meetings', label: t('plans.tabs.meetings'), children: <MeetingsTab /> },
          { key: 'agenda', label: t('plans.tabs.agenda'), children: <AgendaTab /> },
        ]}
      />
    </>
  );
}
