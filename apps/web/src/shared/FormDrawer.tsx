import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormDrawerProps = {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  saving: boolean;
  onSubmit: () => unknown;
  /** Test id of the save button, e.g. "person-save". */
  saveTestId: string;
  size?: number;
  children: ReactNode;
};

/**
 * The side drawer every record is edited in: Cancel and Save at the top right, so they stay in
 * reach however long the form. Rendered while closed so the form instance always has fields.
 */
export function FormDrawer({ title, open, onClose, saving, onSubmit, saveTestId, size = 440, children }: FormDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={size}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void onSubmit()} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
