import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetStaffPassword } from '../../api/staff';
import type { Staff } from '../../api/types';
import { showServerErrors } from '../../shared/server-errors';
import { validValues } from '../../shared/validate-form';

export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetStaffPassword();

  const submit = async () => {
    if (!staff) return;
    const values = await validValues(form);
    if (!values) return;
    const { password } = values;
    try {
      await reset.mutateAsync({ id: staff.id, password });
      void message.success(t('staff.resetDone'));
      onClose();
    } catch (error) {
      showServerErrors(error, form, (text) => void message.error(text), t('common.requestFailed'));
    }
  };

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
        <Form.Item name="password" label={t('staff.newPassword')} extra={t('password.rule')} rules={[{ required: true, min: 8, max: 128 }]}>
          <Input.Password autoComplete="new-password" data-testid="staff-new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
