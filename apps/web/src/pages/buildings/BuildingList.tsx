import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { householdLabel } from '@manyi/core';
import { Button, Card, Flex, Popconfirm, Skeleton, Space, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteBuilding } from '../../api/buildings';
import { errorMessage } from '../../api/problem';
import type { Building } from '../../api/types';
import { ItemList } from '../../shared/ItemList';
import { ListEmpty } from '../../shared/ListEmpty';
import { BuildingModal } from './BuildingModal';
import { useMessage } from '../../shared/MessageProvider';

type BuildingListProps = {
  projectId: string;
  buildings: Building[];
  loading: boolean;
  selectedId: string | undefined;
  onSelect: (buildingId: string | undefined) => void;
};

/** "3" reads as 3栋 the way stewards write it; named buildings (A座) stay as they are. */
const buildingTitle = (name: string) => householdLabel(name, null, '');

export function BuildingList({ projectId, buildings, loading, selectedId, onSelect }: BuildingListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const message = useMessage();
  const remove = useDeleteBuilding();
  const [editing, setEditing] = useState<{ building: Building | null } | null>(null);

  const deleteBuilding = async (building: Building) => {
    try {
      await remove.mutateAsync(building.id);
      if (selectedId === building.id) onSelect(undefined);
      void message.success(t('common.deleted'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  const rowStyle = (selected: boolean) => ({
    cursor: 'pointer',
    padding: '10px 12px',
    background: selected ? token.colorPrimaryBg : undefined,
    borderInlineStart: `3px solid ${selected ? token.colorPrimary : 'transparent'}`,
  });

  return (
    <Card
      size="small"
      title={t('buildings.list')}
      extra={
        <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setEditing({ building: null })} data-testid="building-create">
          {t('buildings.create')}
        </Button>
      }
      styles={{ body: { padding: 0, maxHeight: 'calc(100vh - 240px)', minHeight: 120, overflowY: 'auto' } }}
    >
      {loading ? (
        <Skeleton active style={{ padding: 16 }} />
      ) : (
        <>
          {buildings.length > 0 ? (
            <div
              role="button"
              tabIndex={0}
              style={{ ...rowStyle(selectedId === undefined), borderBottom: `1px solid ${token.colorBorderSecondary}` }}
              onClick={() => onSelect(undefined)}
              onKeyDown={(event) => event.key === 'Enter' && onSelect(undefined)}
              data-testid="building-all"
            >
              <Typography.Text strong={selectedId === undefined}>{t('buildings.allBuildings')}</Typography.Text>
            </div>
          ) : null}
          <ItemList<Building>
            items={buildings}
            rowKey={(building) => building.id}
            empty={<ListEmpty description={t('buildings.empty')} />}
            testId="building-list"
            renderItem={(building) => (
              <Flex
                role="button"
                tabIndex={0}
                align="center"
                justify="space-between"
                style={rowStyle(selectedId === building.id)}
                onClick={() => onSelect(building.id)}
                onKeyDown={(event) => event.key === 'Enter' && onSelect(building.id)}
                data-testid="building-item"
              >
                <div>
                  <Typography.Text strong={selectedId === building.id}>{buildingTitle(building.name)}</Typography.Text>
                  <div>
                    <Space size={8} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('buildings.unitCount', { count: building.unitCount })}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('buildings.householdCount', { count: building.householdCount })}
                      </Typography.Text>
                    </Space>
                  </div>
                </div>
                {/* The buttons act on the building; they must not also select it. */}
                <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => setEditing({ building })}
                    data-testid="building-edit"
                  />
                  <Popconfirm title={t('common.deleteConfirm', { name: buildingTitle(building.name) })} onConfirm={() => deleteBuilding(building)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="building-delete" />
                  </Popconfirm>
                </span>
              </Flex>
            )}
          />
        </>
      )}
      <BuildingModal projectId={projectId} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
