import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/auth';
import { useSaveForm } from '../shared/useSaveForm';

type PasswordForm = { currentPassword: string; newPassword: string; repeat: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();

  const submit = useSaveForm(form, {
    save: (values) => change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSaved: () => {
      form.resetFields();
      onClose();
    },
    successMessage: t('password.changed'),
  });

  return (
    <Modal
      title={t('password.title')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={change.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'password-submit' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.next')} extra={t('password.rule')} rules={[{ required: true, min: 10, max: 128 }]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-repeat" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
