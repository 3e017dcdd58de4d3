import { Alert, Button, Card, Skeleton, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import type { CategoryNode } from '../../api/ticket-types';
import { useCategoryTree, useUpdateCategory } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';

type Row = CategoryNode & { inherited: boolean };

/** Groups with their items under them; an item of a group that needs a photo needs one too (resolution-evidence.ts). */
function rows(nodes: CategoryNode[], inherited = false): Row[] {
  return nodes
    .filter((node) => node.active)
    .map((node) => ({ ...node, inherited, children: rows(node.children, inherited || node.requiresPhoto) as CategoryNode[] }));
}

/**
 * 完工需拍照 per category (issue 15 §4): a technician or steward resolving work of a switched-on category
 * must attach a photo of the result. Saved as soon as it is switched.
 */
export function CategoryPhotoCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const tree = useCategoryTree();
  const update = useUpdateCategory();
  const toggle = (row: Row, requiresPhoto: boolean) =>
    update.mutate(
      { code: row.code, patch: { requiresPhoto } },
      {
        onSuccess: () => void message.success(t('deskSettings.photo.saved', { name: text(row.name) })),
        onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
      },
    );
  return (
    <Card title={t('deskSettings.photo.title')} data-testid="category-photo">
      <Typography.Paragraph type="secondary">{t('deskSettings.photo.intro')}</Typography.Paragraph>
      {tree.isPending ? (
        <Skeleton active />
      ) : tree.isError ? (
        <Alert type="error" showIcon title={t('common.loadFailed')} action={<Button onClick={() => void tree.refetch()}>{t('common.retry')}</Button>} />
      ) : (
        <Table<Row>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={rows(tree.data.items)}
          expandable={{ defaultExpandAllRows: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            // Whole words on a narrow phone: "Environment" must not break mid-word (issue 15 §3).
            { title: t('deskSettings.photo.category'), key: 'name', render: (_value, row) => <span style={{ whiteSpace: 'nowrap' }}>{text(row.name)}</span> },
            {
              title: t('deskSettings.photo.required'),
              key: 'photo',
              width: 160,
              render: (_value, row) =>
                row.inherited ? (
                  <Typography.Text type="secondary">{t('deskSettings.photo.inherited')}</Typography.Text>
                ) : (
                  <Switch
                    checked={row.requiresPhoto}
                    disabled={!editable}
                    loading={update.isPending && update.variables.code === row.code}
                    onChange={(checked) => toggle(row, checked)}
                    aria-label={`${text(row.name)} ${t('deskSettings.photo.required')}`}
                    data-testid={`category-photo-${row.code}`}
                  />
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
