import { Alert, Card, Col, Empty, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportTable } from '../../shared/ExportTable';
import { useGbtScore, type GbtScore } from '../../api/analytics';
import { fixed } from './format';

/** GB/T 45698-2025 (issue 16 §5): the company's score by contract value, the first-level indicators and each project. */
export function GbtTab() {
  const { t } = useTranslation();
  const score = useGbtScore();
  const data = score.data;
  if (!data) return <Spin style={{ padding: 48 }} />;
  if (!data.campaign) return <Empty description={t('analytics.gbt.none')} />;
  return (
    <Row gutter={[12, 12]} data-testid="gbt-tab">
      <Col xs={24}>
        <Alert type="info" showIcon message={t('analytics.gbt.assumptions')} />
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic title={t('analytics.gbt.company', { name: data.campaign.name })} value={fixed(data.company.score)} />
          <Typography.Text type="secondary">{t(`analytics.gbt.weighting.${data.company.weighting}`, { count: data.company.projects })}</Typography.Text>
        </Card>
      </Col>
      {data.dimensions.map((dimension) => (
        <Col xs={12} md={4} key={dimension.code}>
          <Card size="small">
            <Statistic title={`${dimension.name}（${dimension.weight}%）`} value={fixed(dimension.score)} />
          </Card>
        </Col>
      ))}
      <Col xs={24}>
        <ExportTable<GbtScore['projects'][number]>
          exportName="GB-T-45698"
          size="small"
          rowKey="projectId"
          dataSource={data.projects}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('analytics.ranking.project'), dataIndex: 'name' },
            { title: t('analytics.gbt.score'), dataIndex: 'score', render: (value: number | null) => fixed(value) },
            { title: 'n', dataIndex: 'responses' },
            {
              title: t('analytics.targets.contractValue'),
              dataIndex: 'contractValue',
              render: (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN')),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
