import { useEffect, useRef } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useRedeemInvite } from '../api/owner';
import { errorMessage } from '../api/problem';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame, ownerLoginPath, rememberTenantCode } from './OwnerFrame';
import { useOwnerTexts } from './texts';
import { Button, Flex, Spin, Text, Title } from './ui';

export function OwnerInvitePage() {
  const t = useOwnerTexts();
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
    <OwnerFrame title={t('owner.appName')}>
      {redeem.isError || !token ? (
        <OwnerCard style={{ textAlign: 'center' }} data-testid="owner-invite-failed">
          <Title level={4}>{t('owner.inviteFailed')}</Title>
          <Flex vertical gap={4} style={{ marginBottom: 20 }}>
            {redeem.isError ? <Text type="danger">{errorMessage(redeem.error, '')}</Text> : null}
            <Text type="secondary">{t('owner.inviteFailedHint')}</Text>
          </Flex>
          <Button type="primary" size="large" onClick={() => void navigate(ownerLoginPath())} data-testid="owner-use-phone">
            {t('owner.usePhone')}
          </Button>
        </OwnerCard>
      ) : (
        <Flex vertical align="center" gap={16} style={{ paddingTop: 96 }} data-testid="owner-invite-pending">
          <Spin large />
          <Text type="secondary">{t('owner.inviteRedeeming')}</Text>
        </Flex>
      )}
    </OwnerFrame>
  );
}
