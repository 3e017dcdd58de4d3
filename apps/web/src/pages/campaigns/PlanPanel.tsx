import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Statistic, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan, Stratum } from '../../api/campaigns';

/**
 * The sampling plan as the server computed it: N after the contact rule, n₀ and n with the finite
 * population correction (DESIGN §4), and the sample and invitations per stratum.
 */
export function PlanPanel({ plan, loading, error }: { plan: Plan | undefined; loading?: boolean; error?: string | null }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={error} data-testid="plan-error" />;
  if (!plan) return <Typography.Text type="secondary">{t('campaigns.planLoading')}</Typography.Text>;
  return (
    <Card size="small" title={t('campaigns.plan')} loading={loading && !plan} data-testid="plan-panel">
      <Flex wrap gap={32} style={{ marginBottom: 12 }}>
        <Statistic title={t('campaigns.planPopulation')} value={plan.population} data-testid="plan-population" />
        <Statistic title={t('campaigns.planExcluded')} value={plan.excludedByContact} />
        <Statistic title={t('campaigns.planSample')} value={plan.sampleSize} valueStyle={{ color: '#1677ff' }} data-testid="plan-sample" />
        <Statistic title={t('campaigns.planInvitations')} value={plan.invitations} data-testid="plan-invitations" />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('campaigns.planMatched', { matched: plan.matched, excluded: plan.excludedByContact, population: plan.population })}
      </Typography.Paragraph>
      {plan.sampleWithoutCorrection !== null ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="plan-formula">
          {/* The formula is for the quality department; stewards read the plain sentence and hover for the maths. */}
          {t('campaigns.planExplain')}{' '}
          <Tooltip title={t('campaigns.planFormula', { n0: plan.sampleWithoutCorrection.toFixed(1), n: plan.sampleSize })}>
            <QuestionCircleOutlined aria-label={t('campaigns.planFormulaLabel')} />
          </Tooltip>
        </Typography.Paragraph>
      ) : null}
      {plan.strata.length > 0 ? (
        <Table<Stratum>
          rowKey="id"
          size="small"
          pagination={plan.strata.length > 10 ? { pageSize: 10 } : false}
          dataSource={plan.strata}
          columns={[
            // The whole population's stratum is named in the reader's language, not by the server.
            { title: t('campaigns.stratum'), dataIndex: 'name', render: (name: string, stratum) => (stratum.id === 'all' || !name ? t('common.all') : name) },
            { title: t('campaigns.stratumPopulation'), dataIndex: 'population', width: 100 },
            { title: t('campaigns.stratumSample'), dataIndex: 'sample', width: 100 },
            { title: t('campaigns.stratumInvite'), dataIndex: 'invite', width: 100 },
          ]}
          data-testid="plan-strata"
        />
      ) : null}
    </Card>
  );
}
