import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateInvite } from '../../api/persons';
import { errorMessage } from '../../api/problem';
import type { Invite } from '../../api/types';
import { formatDateTime } from '../../shared/time';
import { useMessage } from '../../shared/MessageProvider';

export function InviteButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const create = useCreateInvite();
  const [invite, setInvite] = useState<Invite | null>(null);

  const generate = async () => {
    try {
      setInvite(await create.mutateAsync(personId));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  const copy = async () => {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.url);
      void message.success(t('common.copied'));
    } catch {
      // Clipboard access needs a secure context; the text stays selectable in the field.
      void message.info(invite.url);
    }
  };

  return (
    <>
      <Button icon={<LinkOutlined />} loading={create.isPending} onClick={() => void generate()} data-testid="invite-create">
        {t('profile.invite')}
      </Button>
      <Modal title={t('profile.inviteTitle')} open={invite !== null} onCancel={() => setInvite(null)} footer={null}>
        {invite ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('profile.inviteHint')}</Typography.Text>
            <Space.Compact style={{ width: '100%' }}>
              <Input readOnly value={invite.url} data-testid="invite-url" onFocus={(event) => event.target.select()} />
              <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="invite-copy">
                {t('common.copy')}
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary">{t('profile.expiresAt', { time: formatDateTime(invite.expiresAt) })}</Typography.Text>
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
