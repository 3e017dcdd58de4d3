import { householdStatuses, type HouseholdStatus } from '@manyi/core';
import { Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHousehold } from '../../api/households';
import type { Building, Household } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { FormDrawer } from '../../shared/FormDrawer';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { householdBody } from '@manyi/contracts/households';

type HouseholdForm = { buildingId: string; unitId?: string | null; room: string; area?: number | null; status: HouseholdStatus };

/** What the drawer edits; a new household starts in the building chosen when the drawer opened. */
export type HouseholdEditing = { household: Household } | { household: null; buildingId: string | undefined };

type HouseholdDrawerProps = { buildings: Building[]; editing: HouseholdEditing | null; onClose: () => void };

export function HouseholdDrawer({ buildings, editing, onClose }: HouseholdDrawerProps) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const [form] = Form.useForm<HouseholdForm>();
  const save = useSaveHousehold();
  const household = editing?.household ?? null;
  const chosenBuildingId = Form.useWatch('buildingId', form);
  const units = buildings.find((building) => building.id === chosenBuildingId)?.units ?? [];

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.household) {
      const { buildingId, unitId, room, area, status } = editing.household;
      form.setFieldsValue({ buildingId, unitId, room, area, status });
    } else {
      form.setFieldsValue({ buildingId: editing.buildingId, status: 'occupied' });
    }
  }, [editing, form]);

  const submit = useSaveForm(form, {
    save: (values) =>
      save.mutateAsync({
        id: household?.id,
        input: { buildingId: values.buildingId, unitId: values.unitId ?? null, room: values.room.trim(), area: values.area ?? null, status: values.status },
      }),
    onSaved: onClose,
  });

  return (
    <FormDrawer
      title={household ? `${t('households.editTitle')} · ${household.label}` : t('households.create')}
      open={editing !== null}
      onClose={onClose}
      saving={save.isPending}
      onSubmit={submit}
      saveTestId="household-save"
      size={400}
    >
      <Form form={form} layout="vertical" data-testid="household-form">
        <Form.Item name="buildingId" label={t('households.building')} rules={[{ required: true }]}>
          <Select options={buildings.map((building) => ({ value: building.id, label: building.name }))} onChange={() => form.setFieldValue('unitId', null)} />
        </Form.Item>
        <Form.Item name="unitId" label={t('households.unit')}>
          <Select allowClear disabled={units.length === 0} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
        <Form.Item name="room" label={t('households.room')} rules={[{ required: true, whitespace: true, max: textLimits(householdBody, 'room').max }]}>
          <Input placeholder="1201" data-testid="household-room" />
        </Form.Item>
        <Form.Item name="area" label={t('households.area')}>
          <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('households.status')} rules={[{ required: true }]}>
          <Select options={options(householdStatuses)} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
