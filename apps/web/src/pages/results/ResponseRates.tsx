import { Card, Col, Progress, Row, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CampaignResults, NamedResponseRate } from '../../api/results';

/** Invited vs completed per project and per building (issue 4 §6 "response rate by project and building"). */
export function ResponseRates({ rates }: { rates: CampaignResults['responseRates'] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<NamedResponseRate> = [
    { title: t('results.rates.name'), dataIndex: 'name', ellipsis: true },
    { title: t('results.rates.invited'), dataIndex: 'invited', width: 80, align: 'right' },
    { title: t('results.rates.completed'), dataIndex: 'completed', width: 80, align: 'right' },
    {
      title: t('results.rates.rate'),
      dataIndex: 'responseRate',
      width: 160,
      render: (rate: number | null) => (rate === null ? '—' : <Progress percent={Math.round(rate * 1000) / 10} size="small" />),
    },
  ];
  const table = (rows: NamedResponseRate[], testId: string) => (
    <Table<NamedResponseRate>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      data-testid={testId}
    />
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={`${t('results.rates.title')} · ${t('results.rates.byProject')}`}>
          {table(rates.projects, 'rates-projects')}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={`${t('results.rates.title')} · ${t('results.rates.byBuilding')}`}>
          {table(rates.buildings, 'rates-buildings')}
        </Card>
      </Col>
    </Row>
  );
}
