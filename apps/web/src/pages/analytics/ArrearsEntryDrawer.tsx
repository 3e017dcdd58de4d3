import { arrearsReasonValues } from '@manyi/contracts/analytics';
import { Form, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterArrears, type Arrears } from '../../api/analytics';
import { useProjectScope } from '../../layout/ProjectScope';
import { FormDrawer } from '../../shared/FormDrawer';
import { useSaveForm } from '../../shared/useSaveForm';
import { HouseholdPicker } from '../persons/HouseholdPicker';

type Household = Arrears['households'][number];
type EntryForm = { projectId?: string; householdId?: string; amount?: number; months?: number; reason: Household['reason'] };

type ArrearsEntryDrawerProps = {
  open: boolean;
  /** The household whose entry is corrected; none for a new one. */
  household?: Household | undefined;
  onClose: () => void;
};

/**
 * One household in arrears entered between two imports (a collector's news of the day): project, household,
 * amount owed, months and reason, as one row of the sheet. The server checks it again (more than 0 yuan, whole
 * months, a household of the caller's projects) and its answers land under the fields.
 */
export function ArrearsEntryDrawer({ open, household, onClose }: ArrearsEntryDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EntryForm>();
  const { projects } = useProjectScope();
  const enter = useEnterArrears();
  const projectId = Form.useWatch('projectId', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (household)
      form.setFieldsValue({
        projectId: household.projectId,
        householdId: household.householdId,
        amount: household.amount,
        months: household.months,
        reason: household.reason,
      });
  }, [open, household, form]);
  const submit = useSaveForm(form, {
    save: (values) => enter.mutateAsync({ householdId: values.householdId!, amount: values.amount!, months: values.months ?? 0, reason: values.reason }),
    onSaved: onClose,
  });
  return (
    <FormDrawer
      title={household ? t('analytics.arrears.editTitle', { household: household.label }) : t('analytics.arrears.enter')}
      open={open}
      onClose={onClose}
      saving={enter.isPending}
      onSubmit={submit}
      saveTestId="arrears-entry-save"
    >
      <Form<EntryForm> form={form} layout="vertical" initialValues={{ reason: 'unknown', months: 0 }} data-testid="arrears-entry-form">
        <Form.Item name="projectId" label={t('analytics.ranking.project')} rules={[{ required: true, message: t('analytics.arrears.projectRequired') }]}>
          <Select
            options={projects.map((project) => ({ value: project.id, label: project.name }))}
            disabled={Boolean(household)}
            onChange={() => form.setFieldValue('householdId', undefined)}
            data-testid="arrears-entry-project"
          />
        </Form.Item>
        <Form.Item name="householdId" label={t('analytics.arrears.household')} rules={[{ required: true, message: t('analytics.arrears.householdRequired') }]}>
          <HouseholdPicker projectId={projectId} currentLabel={household?.label} disabled={Boolean(household) || !projectId} testId="arrears-entry-household" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('analytics.arrears.amount')}
          rules={[
            { required: true, message: t('analytics.arrears.amountRequired') },
            { type: 'number', min: 0.01, message: t('analytics.arrears.amountPositive') },
          ]}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="arrears-entry-amount" />
        </Form.Item>
        <Form.Item name="months" label={t('analytics.arrears.months')}>
          <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} data-testid="arrears-entry-months" />
        </Form.Item>
        <Form.Item name="reason" label={t('analytics.arrears.reason')}>
          <Select
            options={arrearsReasonValues.map((reason) => ({ value: reason, label: t(`analytics.arrears.reasons.${reason}`) }))}
            data-testid="arrears-entry-reason"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
