import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { useStaffList } from '../../api/staff';
import { useWorkload } from '../../api/tickets';

type StaffPickerProps = { projectId: string; value?: string; onChange?: (value: string) => void; testId?: string };

/**
 * Someone to give the ticket to: the project's staff where the user may read the staff list
 * (managers and above), otherwise the people already carrying work there, and always oneself.
 * Each shows their open tickets so the load is spread.
 */
export function StaffPicker({ projectId, value, onChange, testId }: StaffPickerProps) {
  const { t } = useTranslation();
  const me = useMe();
  const workload = useWorkload(projectId);
  const staff = useStaffList({ projectId });
  const load = new Map((workload.data?.items ?? []).map((item) => [item.staffId, item.total]));
  const people = new Map<string, string>();
  if (me.data) people.set(me.data.id, t('serviceDesk.actions.me', { name: me.data.name }));
  for (const item of workload.data?.items ?? []) if (!people.has(item.staffId)) people.set(item.staffId, item.name);
  for (const person of staff.items) if (person.active && !people.has(person.id)) people.set(person.id, person.name);
  const options = [...people].map(([id, name]) => ({ value: id, label: `${name} · ${t('serviceDesk.actions.openCount', { count: load.get(id) ?? 0 })}` }));
  return <Select value={value} onChange={onChange} options={options} showSearch={{ optionFilterProp: 'label' }} loading={workload.isPending} placeholder={t('serviceDesk.actions.pickStaff')} data-testid={testId} />;
}
