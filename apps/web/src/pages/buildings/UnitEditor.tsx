import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteUnit, useSaveUnit } from '../../api/buildings';
import { errorMessage } from '../../api/problem';
import type { Building, Unit } from '../../api/types';
import { useMessage } from '../../shared/MessageProvider';
import { textLimits } from '@manyi/contracts/limits';
import { unitBody } from '@manyi/contracts/buildings';

const nameLimit = textLimits(unitBody, 'name').max;

/** Renames save when the field loses focus; each change is its own request so errors stay local. */
function UnitRow({ unit, onRename, onDelete }: { unit: Unit; onRename: (name: string) => void; onDelete: () => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const commit = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== unit.name) onRename(trimmed);
    else setName(unit.name);
  };
  return (
    <Flex gap={8}>
      <Input value={name} maxLength={nameLimit} onChange={(event) => setName(event.target.value)} onBlur={commit} onPressEnter={commit} />
      <Popconfirm title={t('common.deleteConfirm', { name: unit.name })} onConfirm={onDelete}>
        <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
      </Popconfirm>
    </Flex>
  );
}

export function UnitEditor({ building }: { building: Building }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveUnit();
  const remove = useDeleteUnit();
  const [newName, setNewName] = useState('');

  const fail = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));

  const add = async () => {
    const name = newName.trim();
    if (!name) return;
    try {
      await save.mutateAsync({ buildingId: building.id, name });
      setNewName('');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Flex vertical gap={8}>
      {building.units.length === 0 ? <Typography.Text type="secondary">{t('buildings.noUnits')}</Typography.Text> : null}
      {building.units.map((unit) => (
        <UnitRow
          key={unit.id}
          unit={unit}
          onRename={(name) => save.mutate({ id: unit.id, buildingId: building.id, name }, { onError: fail })}
          onDelete={async () => {
            try {
              await remove.mutateAsync(unit.id);
            } catch (error) {
              fail(error);
            }
          }}
        />
      ))}
      <Flex gap={8}>
        <Input
          placeholder={t('buildings.unitName')}
          value={newName}
          maxLength={nameLimit}
          onChange={(event) => setNewName(event.target.value)}
          onPressEnter={(event) => {
            event.preventDefault();
            void add();
          }}
          data-testid="unit-name"
        />
        <Button icon={<PlusOutlined />} loading={save.isPending} onClick={() => void add()} data-testid="unit-add">
          {t('buildings.addUnit')}
        </Button>
      </Flex>
    </Flex>
  );
}
