import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings, useSaveBuilding, useSaveUnit } from '../../api/buildings';
import type { Building } from '../../api/types';
import { useSaveForm } from '../../shared/useSaveForm';
import { UnitEditor } from './UnitEditor';
import { textLimits } from '@manyi/contracts/limits';
import { buildingBody } from '@manyi/contracts/buildings';

type BuildingForm = { name: string; floors?: number | null; unitNames?: string[] };

type BuildingModalProps = { projectId: string; editing: { building: Building | null } | null; onClose: () => void };

/** New buildings take their unit names in one go; existing ones edit units one by one (they own households). */
export function BuildingModal({ projectId, editing, onClose }: BuildingModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BuildingForm>();
  const saveBuilding = useSaveBuilding();
  const saveUnit = useSaveUnit();
  const buildings = useBuildings(projectId);
  const editingId = editing?.building?.id;
  // Read the building from the live list so units added here show up at once.
  const building = editingId ? (buildings.data?.find((item) => item.id === editingId) ?? editing?.building ?? null) : null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.building) form.setFieldsValue({ name: editing.building.name, floors: editing.building.floors });
  }, [editing, form]);

  const submit = useSaveForm(form, {
    save: async (values) => {
      const saved = await saveBuilding.mutateAsync({ id: editingId, input: { projectId, name: values.name.trim(), floors: values.floors ?? null } });
      if (!editingId) {
        for (const name of values.unitNames ?? []) {
          if (name.trim()) await saveUnit.mutateAsync({ buildingId: saved.id, name: name.trim() });
        }
      }
    },
    onSaved: onClose,
  });

  return (
    <Modal
      title={editingId ? t('buildings.editTitle') : t('buildings.create')}
      open={editing !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saveBuilding.isPending || saveUnit.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="building-form">
        <Form.Item name="name" label={t('buildings.name')} rules={[{ required: true, whitespace: true, max: textLimits(buildingBody, 'name').max }]}>
          <Input placeholder={t('buildings.namePlaceholder')} data-testid="building-name" />
        </Form.Item>
        <Form.Item name="floors" label={t('buildings.floors')}>
          <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {building ? (
          <Form.Item label={t('buildings.units')}>
            <UnitEditor building={building} />
          </Form.Item>
        ) : (
          <Form.Item name="unitNames" label={t('buildings.units')} extra={t('buildings.noUnits')}>
            <Select mode="tags" open={false} placeholder="1, 2, 3" tokenSeparators={[',', ',', ' ']} data-testid="building-units" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
