import { discStyles, normalisePhone, personRoles, type DiscStyle, type PersonRole } from '@manyi/core';
import { Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePerson, type PersonInput } from '../../api/persons';
import type { Person } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { FormDrawer } from '../../shared/FormDrawer';
import { useSaveForm } from '../../shared/useSaveForm';
import { HouseholdPicker } from './HouseholdPicker';
import { textLimits } from '@manyi/contracts/limits';
import { personBody } from '@manyi/contracts/persons';

type PersonForm = {
  householdId: string;
  name: string;
  role: PersonRole;
  phone?: string;
  isVip: boolean;
  discStyle?: DiscStyle | null;
  tags: string[];
  note?: string;
};

type PersonDrawerProps = { editing: { person: Person | null } | null; onClose: () => void; onSaved?: (person: Person) => void };

export function PersonDrawer({ editing, onClose, onSaved }: PersonDrawerProps) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const { projectId } = useProjectScope();
  const [form] = Form.useForm<PersonForm>();
  const save = useSavePerson();
  const person = editing?.person ?? null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.person) {
      const { householdId, name, role, phone, isVip, discStyle, tags, note } = editing.person;
      form.setFieldsValue({ householdId, name, role, phone: phone ?? undefined, isVip, discStyle, tags, note });
    } else {
      form.setFieldsValue({ role: 'owner', isVip: false, tags: [] });
    }
  }, [editing, form]);

  const submit = useSaveForm(form, {
    save: (values) => {
      const phone = values.phone?.trim() ? normalisePhone(values.phone) : null;
      const input: PersonInput = {
        householdId: values.householdId,
        name: values.name.trim(),
        role: values.role,
        phone,
        isVip: values.isVip,
        discStyle: values.discStyle ?? null,
        tags: values.tags,
        note: values.note?.trim() ?? '',
      };
      return save.mutateAsync({ id: person?.id, input });
    },
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });

  return (
    <FormDrawer
      title={person ? t('persons.editTitle') : t('persons.create')}
      open={editing !== null}
      onClose={onClose}
      saving={save.isPending}
      onSubmit={submit}
      saveTestId="person-save"
    >
      <Form form={form} layout="vertical" data-testid="person-form">
        <Form.Item name="householdId" label={t('persons.household')} rules={[{ required: true }]}>
          <HouseholdPicker projectId={person?.projectId ?? projectId} currentLabel={person?.householdLabel} />
        </Form.Item>
        <Form.Item name="name" label={t('persons.name')} rules={[{ required: true, whitespace: true, max: textLimits(personBody, 'name').max }]}>
          <Input data-testid="person-name" />
        </Form.Item>
        <Form.Item name="role" label={t('persons.role')} rules={[{ required: true }]}>
          <Select options={options(personRoles)} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('persons.phone')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || normalisePhone(value) ? Promise.resolve() : Promise.reject(new Error(t('persons.phoneInvalid'))),
            },
          ]}
        >
          <Input inputMode="tel" maxLength={textLimits(personBody, 'phone').max} placeholder="13800000000" data-testid="person-phone" />
        </Form.Item>
        <Form.Item name="isVip" label={t('persons.vip')} valuePropName="checked">
          <Switch data-testid="person-vip" />
        </Form.Item>
        <Form.Item name="discStyle" label={t('persons.disc')}>
          <Select allowClear options={options(discStyles)} data-testid="person-disc" />
        </Form.Item>
        <Form.Item name="tags" label={t('persons.tags')}>
          <Select mode="tags" open={false} maxCount={20} placeholder={t('persons.tagsPlaceholder')} tokenSeparators={[',', ',']} data-testid="person-tags" />
        </Form.Item>
        <Form.Item name="note" label={t('persons.note')} rules={[{ max: textLimits(personBody, 'note').max }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
