import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProjectScope } from './ProjectScope';

export function ProjectSwitcher({ width }: { width: number }) {
  const { t } = useTranslation();
  const { choice, projects, allowAll, setChoice } = useProjectScope();
  const options = [
    ...(allowAll ? [{ value: 'all', label: t('shell.allProjects') }] : []),
    ...projects.map((project) => ({ value: project.id, label: project.name })),
  ];
  return (
    <Select
      data-testid="project-switcher"
      aria-label={t('shell.projectSwitcher')}
      value={choice}
      options={options}
      onChange={setChoice}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width }}
      popupMatchSelectWidth={false}
    />
  );
}
