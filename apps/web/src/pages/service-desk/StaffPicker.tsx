import { staffPosts } from '@manyi/core';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { useStaffDirectory } from '../../api/staff';
import { useWorkload } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';

type StaffPickerProps = { projectId: string; value?: string; onChange?: (value: string) => void; testId?: string };

/**
 * Someone to give the ticket to: the project's colleagues from the staff directory (which every
 * role may read), with their post and open tickets so the load is spread; oneself first.
 */
export function StaffPicker({ projectId, value, onChange, testId }: StaffPickerProps) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const me = useMe();
  const directory = useStaffDirectory(projectId);
  const workload = useWorkload(projectId);
  const load = new Map((workload.data?.items ?? []).map((item) => [item.staffId, item.total]));
  const people = [...(directory.data?.items ?? [])].sort((a, b) => Number(b.id === me.data?.id) - Number(a.id === me.data?.id));
  if (me.data && !people.some((person) => person.id === me.data?.id))
    people.unshift({ id: me.data.id, name: me.data.name, post: me.data.post, projectIds: [projectId] });
  const options = people.map((person) => {
    const name = person.id === me.data?.id ? t('serviceDesk.actions.me', { name: person.name }) : person.name;
    const post = person.post ? ` · ${label(staffPosts, person.post)}` : '';
    return { value: person.id, label: `${name}${post} · ${t('serviceDesk.actions.openCount', { count: load.get(person.id) ?? 0 })}` };
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      loading={directory.isPending}
      placeholder={t('serviceDesk.actions.pickStaff')}
      data-testid={testId}
    />
  );
}
