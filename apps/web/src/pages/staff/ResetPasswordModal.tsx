import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetStaffPassword } from '../../api/staff';
import type { Staff } from '../../api/types';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { passwordReset } from '@manyi/contracts/staff';

export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetStaffPassword();

  const submit = useSaveForm(form, {
    // The modal is open only while a staff member is chosen.
    save: async ({ password }) => {
      if (staff) await reset.mutateAsync({ id: staff.id, password });
    },
    onSaved: onClose,
    successMessage: t('staff.resetDone'),
  });

  return (
    <Modal
      title={t('staff.resetTitle', { name: staff?.name ?? '' })}
      open={staff !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('staff.newPassword')}
          extra={t('password.rule')}
          rules={[{ required: true, ...textLimits(passwordReset, 'password') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="staff-new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
