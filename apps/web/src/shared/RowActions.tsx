import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifiedAction } from './useNotifiedAction';

type RowActionsProps = {
  /** What the delete confirmation names, e.g. the person's name. */
  name: string;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  editTestId?: string;
  deleteTestId?: string;
  /** Paints the confirmation's OK button red as well. */
  dangerConfirm?: boolean;
};

/** The Edit and Delete links of a table row; Delete asks first and reports the outcome. */
export function RowActions({ name, onEdit, onDelete, editTestId, deleteTestId, dangerConfirm = false }: RowActionsProps) {
  const { t } = useTranslation();
  const run = useNotifiedAction();
  return (
    // Some rows open a page when clicked; the buttons must not.
    <Space size={0} onClick={(event) => event.stopPropagation()}>
      <Button type="link" size="small" onClick={onEdit} data-testid={editTestId}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('common.deleteConfirm', { name })}
        onConfirm={() => run(onDelete, 'deleted')}
        okButtonProps={dangerConfirm ? { danger: true } : undefined}
      >
        <Button type="link" size="small" danger data-testid={deleteTestId}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
