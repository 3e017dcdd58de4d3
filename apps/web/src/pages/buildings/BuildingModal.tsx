import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings, useSaveBuilding, useSaveUnit } from '../../api/buildings';
import { useStaffDirectory } from '../../api/staff';
import type { Building } from '../../api/types';
import { useSaveForm } from '../../shared/useSaveForm';
import { UnitEditor } from './UnitEditor';
import { textLimits } from '@manyi/contracts/limits';
import { buildingBody } from '@manyi/contracts/buildings';

type BuildingForm = { name: string; floors?: number | null; unitNames?: string[]; stewardId?: string | null };

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
    if (editing.building) form.setFieldsValue({ name: editing.building.name, floors: editing.building.floors, stewardId: editing.building.stewardId });
  }, [editing, form]);

  const submit = useSaveForm(form, {
    save: async (values) => {
      const saved = await saveBuilding.mutateAsync({
        id: editingId,
        input: { projectId, name: values.name.trim(), floors: values.floors ?? null },
        ...(editingId && { stewardId: values.stewardId ?? null }),
      });
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
        {editingId ? (
          <Form.Item name="stewardId" label={t('ownerHome.buildingSteward')} extra={t('ownerHome.buildingStewardHint')}>
            <StewardSelect projectId={projectId} />
          </Form.Item>
        ) : null}
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

/** The building's steward (管家), whom its owners see on their phones (issue 15 §5). */
function StewardSelect({ projectId, value, onChange }: { projectId: string; value?: string | null; onChange?: (value: string | null) => void }) {
  const { t } = useTranslation();
  const directory = useStaffDirectory(projectId);
  const options = (directory.data?.items ?? []).filter((person) => person.post === 'steward').map((person) => ({ value: person.id, label: person.name }));
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={directory.isPending}
      placeholder={t('ownerHome.projectSteward')}
      data-testid="building-steward"
    />
  );
}
