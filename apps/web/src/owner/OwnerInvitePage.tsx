import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useRedeemInvite } from '../api/owner';
import { errorMessage } from '../api/problem';
import { OwnerFrame, ownerLoginPath, rememberTenantCode } from './OwnerFrame';

export function OwnerInvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams<{ token: string }>();
  const redeem = useRedeemInvite();
  const { mutate } = redeem;
  // Invite tokens may be single-use: redeem once per token even when React mounts twice in dev.
  const redeemed = useRef<string | null>(null);

  useEffect(() => {
    if (!token || redeemed.current === token) return;
    redeemed.current = token;
    mutate(token, { onSuccess: (owner) => rememberTenantCode(owner.tenant.code) });
  }, [token, mutate]);

  if (redeem.isSuccess) return <Navigate to="/h5" replace />;

  return (
    <OwnerFrame title={t('app.name')}>
      {redeem.isError || !token ? (
        <Result
          status="warning"
          title={t('owner.inviteFailed')}
          subTitle={
            <Flex vertical gap={4}>
              {redeem.isError ? <Typography.Text type="danger">{errorMessage(redeem.error, '')}</Typography.Text> : null}
              <span>{t('owner.inviteFailedHint')}</span>
            </Flex>
          }
          extra={
            <Button type="primary" size="large" onClick={() => void navigate(ownerLoginPath())} data-testid="owner-use-phone">
              {t('owner.usePhone')}
            </Button>
          }
        />
      ) : (
        <Flex vertical align="center" gap={16} style={{ paddingTop: 96 }} data-testid="owner-invite-pending">
          <Spin size="large" />
          <Typography.Text type="secondary">{t('owner.inviteRedeeming')}</Typography.Text>
        </Flex>
      )}
    </OwnerFrame>
  );
}
