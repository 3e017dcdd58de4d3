import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { staffRoles } from '@manyi/core';
import { Avatar, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../api/auth';
import type { Me } from '../api/types';
import { useVocabulary } from '../i18n/vocabulary';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useMessage } from '../shared/MessageProvider';

export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const message = useMessage();
  const navigate = useNavigate();
  const logout = useLogout();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } finally {
      void message.success(t('shell.signedOut'));
      void navigate('/login', { replace: true });
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <Typography.Text type="secondary">
                  {me.login} · {me.roles.map((role) => label(staffRoles, role)).join('、')}
                </Typography.Text>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('shell.changePassword')}</span> },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-sign-out">{t('shell.signOut')}</span> },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPasswordOpen(true);
            if (key === 'logout') void signOut();
          },
        }}
      >
        <Button type="text" data-testid="user-menu" icon={<Avatar size="small" icon={<UserOutlined />} />}>
          {compact ? null : me.name}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
