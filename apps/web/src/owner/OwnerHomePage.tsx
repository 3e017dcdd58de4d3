import type { ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useOwnerLogout, useOwnerMe } from '../api/owner';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame, ownerLoginPath } from './OwnerFrame';
import { OwnerNotices } from './OwnerNotices';
import { OwnerOpenTickets, OwnerStewardSection, OwnerSurveysSection } from './OwnerHomeSections';
import { Icon } from './icons';
import { useOwnerTexts } from './texts';
import { Button, Empty, Flex, PageSpin, Tag, Text, Title } from './ui';

/** A service on the home page; without `to` it is still to come and says so. */
function ServiceTile({ icon, title, testId, to }: { icon: ReactNode; title: string; testId: string; to?: string }) {
  const t = useOwnerTexts();
  const navigate = useNavigate();
  const live = to !== undefined;
  return (
    <OwnerCard
      padding="16px 8px"
      style={{ opacity: live ? 1 : 0.75, height: '100%', minHeight: 104, cursor: live ? 'pointer' : undefined }}
      aria-disabled={!live}
      role={live ? 'link' : undefined}
      tabIndex={live ? 0 : undefined}
      onClick={live ? () => void navigate(to) : undefined}
      onKeyDown={live ? (event) => (event.key === 'Enter' ? void navigate(to) : undefined) : undefined}
      data-testid={testId}
    >
      <Flex vertical align="center" gap={6}>
        <span style={{ fontSize: 28, color: '#1677ff' }}>{icon}</span>
        <Text strong style={{ fontSize: 15, textAlign: 'center' }}>
          {title}
        </Text>
        {live ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('owner.comingSoon')}</Tag>}
      </Flex>
    </OwnerCard>
  );
}

export function OwnerHomePage() {
  const t = useOwnerTexts();
  const navigate = useNavigate();
  const me = useOwnerMe();
  const logout = useOwnerLogout();

  if (me.isPending) return <PageSpin />;
  if (!me.data) return <Navigate to={ownerLoginPath()} replace />;

  const owner = me.data;
  return (
    <OwnerFrame title={owner.tenant.name}>
      <Flex vertical gap={16}>
        <div>
          <Title level={3} style={{ margin: 0 }} data-testid="owner-greeting">
            {t('owner.greeting', { name: owner.person.name })}
          </Title>
          <Text type="secondary">{t('owner.greetingHint', { tenant: owner.tenant.name })}</Text>
        </div>

        <OwnerOpenTickets />

        <OwnerNotices limit={3} />

        <Text strong style={{ fontSize: 16 }}>
          {t('owner.myHouseholds')}
        </Text>
        {owner.households.length === 0 ? (
          <OwnerCard>
            <Empty description={t('owner.noHouseholds')} />
          </OwnerCard>
        ) : (
          owner.households.map((household) => (
            <OwnerCard key={household.id} padding={16} data-testid="owner-household">
              <Flex align="center" gap={12}>
                <Icon name="home" size={28} style={{ color: '#1677ff', flex: 'none' }} />
                <div style={{ minWidth: 0 }}>
                  <Text strong block style={{ fontSize: 17 }}>
                    {household.label}
                  </Text>
                  <Text type="secondary">{household.projectName}</Text>
                </div>
              </Flex>
            </OwnerCard>
          ))
        )}

        <Text strong style={{ fontSize: 16 }}>
          {t('owner.services')}
        </Text>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 12 }}>
          <ServiceTile icon={<Icon name="tool" />} title={t('owner.repair')} testId="owner-service-repair" to="/h5/tickets/new" />
          <ServiceTile icon={<Icon name="file" />} title={t('owner.myTickets')} testId="owner-service-tickets" to="/h5/tickets" />
          <ServiceTile icon={<Icon name="bulb" />} title={t('ownerHome.suggest')} testId="owner-service-suggest" to="/h5/tickets/new?type=suggestion" />
        </div>

        <OwnerStewardSection />

        <OwnerSurveysSection />

        <Button
          size="large"
          block
          icon={<Icon name="logout" />}
          loading={logout.isPending}
          style={{ height: 48, marginTop: 8 }}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(ownerLoginPath(), { replace: true }) })}
          data-testid="owner-sign-out"
        >
          {t('owner.signOut')}
        </Button>
      </Flex>
    </OwnerFrame>
  );
}
