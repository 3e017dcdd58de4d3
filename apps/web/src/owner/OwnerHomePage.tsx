import { BulbOutlined, FileTextOutlined, HomeOutlined, LogoutOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { useOwnerLogout, useOwnerMe } from '../api/owner';
import { ListEmpty } from '../shared/ListEmpty';
import { PageSpin } from '../shared/PageSpin';
import { OwnerCard } from './OwnerCard';
import { OwnerFrame, ownerLoginPath } from './OwnerFrame';
import { OwnerNotices } from './OwnerNotices';
import { OwnerOpenTickets, OwnerStewardSection, OwnerSurveysSection } from './OwnerHomeSections';

/** A service on the home page; without `to` it is still to come and says so. */
function ServiceTile({ icon, title, testId, to }: { icon: ReactNode; title: string; testId: string; to?: string }) {
  const { t } = useTranslation();
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
        <Typography.Text strong style={{ fontSize: 15, textAlign: 'center' }}>
          {title}
        </Typography.Text>
        {live ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('owner.comingSoon')}</Tag>}
      </Flex>
    </OwnerCard>
  );
}

export function OwnerHomePage() {
  const { t } = useTranslation();
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
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="owner-greeting">
            {t('owner.greeting', { name: owner.person.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('owner.greetingHint', { tenant: owner.tenant.name })}</Typography.Text>
        </div>

        <OwnerOpenTickets />

        <OwnerNotices limit={3} />

        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('owner.myHouseholds')}
        </Typography.Text>
        {owner.households.length === 0 ? (
          <OwnerCard>
            <ListEmpty description={t('owner.noHouseholds')} />
          </OwnerCard>
        ) : (
          owner.households.map((household) => (
            <OwnerCard key={household.id} padding={16} data-testid="owner-household">
              <Flex align="center" gap={12}>
                <HomeOutlined style={{ fontSize: 28, color: '#1677ff' }} />
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 17, display: 'block' }}>
                    {household.label}
                  </Typography.Text>
                  <Typography.Text type="secondary">{household.projectName}</Typography.Text>
                </div>
              </Flex>
            </OwnerCard>
          ))
        )}

        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('owner.services')}
        </Typography.Text>
        <Row gutter={[12, 12]}>
          <Col span={8}>
            <ServiceTile icon={<ToolOutlined />} title={t('owner.repair')} testId="owner-service-repair" to="/h5/tickets/new" />
          </Col>
          <Col span={8}>
            <ServiceTile icon={<FileTextOutlined />} title={t('owner.myTickets')} testId="owner-service-tickets" to="/h5/tickets" />
          </Col>
          <Col span={8}>
            <ServiceTile icon={<BulbOutlined />} title={t('ownerHome.suggest')} testId="owner-service-suggest" to="/h5/tickets/new?type=suggestion" />
          </Col>
        </Row>

        <OwnerStewardSection />

        <OwnerSurveysSection />

        <Button
          size="large"
          block
          icon={<LogoutOutlined />}
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
