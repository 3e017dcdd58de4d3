import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Popconfirm, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useDeleteRegion, useRegions, useSaveRegion } from '../../api/regions';
import type { Region } from '../../api/types';
import { ItemList } from '../../shared/ItemList';
import { ListEmpty } from '../../shared/ListEmpty';
import { useMessage } from '../../shared/MessageProvider';
import { textLimits } from '@manyi/contracts/limits';
import { regionBody } from '@manyi/contracts/regions';

const nameLimit = textLimits(regionBody, 'name').max;

/** Regions are a short flat list, so they are edited in place rather than on a page of their own. */
export function RegionsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const regions = useRegions();
  const save = useSaveRegion();
  const remove = useDeleteRegion();
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<Region | null>(null);

  const fail = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));

  const add = async () => {
    const name = newName.trim();
    if (!name) return;
    try {
      await save.mutateAsync({ name });
      setNewName('');
    } catch (error) {
      fail(error);
    }
  };

  const rename = async () => {
    if (!editing) return;
    const name = editing.name.trim();
    if (!name) return;
    try {
      await save.mutateAsync({ id: editing.id, name });
      setEditing(null);
    } catch (error) {
      fail(error);
    }
  };

  const deleteRegion = async (region: Region) => {
    try {
      await remove.mutateAsync(region.id);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Modal title={t('regions.title')} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Input
          placeholder={t('regions.placeholder')}
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          onPressEnter={() => void add()}
          maxLength={nameLimit}
          data-testid="region-name"
        />
        <Button type="primary" icon={<PlusOutlined />} loading={save.isPending && !editing} onClick={() => void add()} data-testid="region-add">
          {t('regions.add')}
        </Button>
      </Flex>
      <Spin spinning={regions.isPending}>
        <ItemList<Region>
          bordered
          items={regions.data?.items ?? []}
          rowKey={(region) => region.id}
          empty={<ListEmpty description={t('regions.empty')} />}
          testId="region-list"
          renderItem={(region) =>
            editing?.id === region.id ? (
              <Flex gap={8} style={{ padding: '8px 12px' }}>
                <Input
                  autoFocus
                  value={editing.name}
                  maxLength={nameLimit}
                  onChange={(event) => setEditing({ ...editing, name: event.target.value })}
                  onPressEnter={() => void rename()}
                />
                <Button type="primary" loading={save.isPending} onClick={() => void rename()}>
                  {t('common.save')}
                </Button>
                <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
              </Flex>
            ) : (
              <Flex align="center" justify="space-between" style={{ padding: '8px 12px' }}>
                <span>{region.name}</span>
                <span>
                  <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(region)} />
                  <Popconfirm title={t('common.deleteConfirm', { name: region.name })} onConfirm={() => deleteRegion(region)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </span>
              </Flex>
            )
          }
        />
      </Spin>
    </Modal>
  );
}
