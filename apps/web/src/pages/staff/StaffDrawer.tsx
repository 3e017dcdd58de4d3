import { companyWideRoles, normalisePhone, staffPosts, staffRoles, type StaffPost, type StaffRole } from '@manyi/core';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjectOptions } from '../../api/projects';
import { errorMessage } from '../../api/problem';
import { useSaveStaff, useUploadStaffPhoto } from '../../api/staff';
import { useMessage } from '../../shared/MessageProvider';
import type { Staff } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { FormDrawer } from '../../shared/FormDrawer';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { staffBody } from '@manyi/contracts/staff';

const limits = {
  login: textLimits(staffBody, 'login'),
  name: textLimits(staffBody, 'name'),
  phone: textLimits(staffBody, 'phone'),
  password: textLimits(staffBody, 'password'),
};

type StaffForm = {
  login: string;
  name: string;
  phone?: string;
  password?: string;
  roles: StaffRole[];
  post?: StaffPost | null;
  projectIds: string[];
  workingHours?: string;
};

type StaffDrawerProps = { editing: { staff: Staff | null } | null; onClose: () => void };

/** The photo owners see on their steward card (issue 15 §5), replaced at once when chosen. */
function StaffPhotoField({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const message = useMessage();
  const upload = useUploadStaffPhoto();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Form.Item label={t('ownerHome.photo')} extra={t('ownerHome.photoHint')}>
      <Button loading={upload.isPending} onClick={() => input.current?.click()} data-testid="staff-photo">
        {t('ownerHome.photoChoose')}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        data-testid="staff-photo-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          upload.mutate(
            { id: staff.id, file },
            {
              onSuccess: () => void message.success(t('ownerHome.photoSaved')),
              onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
            },
          );
        }}
      />
    </Form.Item>
  );
}

export function StaffDrawer({ editing, onClose }: StaffDrawerProps) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const [form] = Form.useForm<StaffForm>();
  const save = useSaveStaff();
  const projects = useProjectOptions();
  const staff = editing?.staff ?? null;
  const roles = Form.useWatch('roles', form) ?? [];
  const companyWide = roles.some((role) => companyWideRoles.includes(role));

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.staff) {
      const { login, name, phone, roles: staffRolesValue, post, projectIds, workingHours } = editing.staff;
      form.setFieldsValue({ login, name, phone: phone ?? undefined, roles: staffRolesValue, post, projectIds, workingHours });
    } else {
      form.setFieldsValue({ roles: ['steward'], projectIds: [] });
    }
  }, [editing, form]);

  const submit = useSaveForm(form, {
    save: (values) => {
      const common = {
        name: values.name.trim(),
        phone: values.phone?.trim() ? normalisePhone(values.phone) : null,
        roles: values.roles,
        post: values.post ?? null,
        projectIds: values.projectIds,
      };
      // Login and password are fixed at creation; passwords change through "reset password".
      if (staff) return save.mutateAsync({ id: staff.id, input: { ...common, workingHours: values.workingHours?.trim() ?? '' } });
      return save.mutateAsync({ input: { ...common, login: values.login.trim(), password: values.password ?? '' } });
    },
    onSaved: onClose,
  });

  return (
    <FormDrawer
      title={staff ? t('staff.editTitle') : t('staff.create')}
      open={editing !== null}
      onClose={onClose}
      saving={save.isPending}
      onSubmit={submit}
      saveTestId="staff-save"
    >
      <Form form={form} layout="vertical" data-testid="staff-form">
        <Form.Item name="login" label={t('staff.login')} rules={[{ required: true, whitespace: true, ...limits.login, pattern: /^[A-Za-z0-9._@-]+$/ }]}>
          <Input disabled={staff !== null} autoComplete="off" data-testid="staff-login" />
        </Form.Item>
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, whitespace: true, max: limits.name.max }]}>
          <Input data-testid="staff-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('staff.phone')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || normalisePhone(value) ? Promise.resolve() : Promise.reject(new Error(t('persons.phoneInvalid'))),
            },
          ]}
        >
          <Input inputMode="tel" maxLength={limits.phone.max} data-testid="staff-phone" />
        </Form.Item>
        {staff ? (
          <Form.Item name="workingHours" label={t('ownerHome.workingHours')} extra={t('ownerHome.workingHoursHint')} rules={[{ max: 60 }]}>
            <Input maxLength={60} data-testid="staff-working-hours" />
          </Form.Item>
        ) : null}
        {staff ? <StaffPhotoField staff={staff} /> : null}
        {staff ? null : (
          <Form.Item name="password" label={t('staff.password')} extra={t('password.rule')} rules={[{ required: true, ...limits.password }]}>
            <Input.Password autoComplete="new-password" data-testid="staff-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('staff.roles')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" options={options(staffRoles)} data-testid="staff-roles" />
        </Form.Item>
        <Form.Item name="post" label={t('staff.post')}>
          <Select allowClear options={options(staffPosts)} data-testid="staff-post" />
        </Form.Item>
        <Form.Item name="projectIds" label={t('staff.projects')}>
          <Select
            mode="multiple"
            loading={projects.isPending}
            options={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="staff-projects"
          />
        </Form.Item>
        {companyWide ? <Alert type="info" showIcon title={t('staff.allProjectsHint')} /> : null}
      </Form>
    </FormDrawer>
  );
}
