import { Alert, Card, Col, Flex, List, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useStewardHome } from '../../api/analytics';
import { formatDateTime } from '../../shared/time';
import { fixed, percent } from './format';

/** The steward's home (issue 16 §1): my queue, my ratings this month, my return visits due. */
export function StewardHome() {
  const { t } = useTranslation();
  const home = useStewardHome();
  const data = home.data;
  if (home.isError) return <Alert type="error" showIcon message={t('analytics.loadFailed')} />;
  if (!data) return <Spin style={{ padding: 48 }} />;
  return (
    <Flex vertical gap={16} data-testid="steward-home">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Link to="/service-desk?mine=true">
            <Card size="small" hoverable>
              <Statistic title={t('analytics.steward.open')} value={data.queue.open} />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/service-desk?mine=true&overdue=true">
            <Card size="small" hoverable>
              <Statistic
                title={t('analytics.figures.overdue')}
                value={data.queue.overdue}
                styles={{ content: { color: data.queue.overdue ? '#f5222d' : undefined } }}
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to={`/service-desk?mine=true&group=all&ratedMonth=${data.month}`} data-testid="steward-ratings">
            <Card size="small" hoverable>
              <Statistic title={t('analytics.steward.rating')} value={percent(data.ratings.rate)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('analytics.steward.ratingBase', { rated: data.ratings.rated, mean: fixed(data.ratings.mean, 2) })}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('analytics.steward.visitsDue')} value={data.visitsDue.length} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('analytics.steward.visitsDue')}>
        <List
          dataSource={data.visitsDue}
          locale={{ emptyText: t('analytics.steward.noVisits') }}
          renderItem={(item) => (
            <List.Item>
              <Link to={`/service-desk/${item.ticketId}`}>
                {item.number} · {item.title}
              </Link>
              <span>
                {item.overdue ? <Tag color="error">{t('analytics.steward.late')}</Tag> : null}
                {formatDateTime(item.visitDueAt)}
              </span>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
