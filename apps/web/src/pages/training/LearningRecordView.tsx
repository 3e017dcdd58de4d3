import { practiceSituations, type PracticeSituation } from '@manyi/core';
import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLearningRecord, type LearningRecord } from '../../api/training';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { formatDateTime } from '../../shared/time';

type Entry = LearningRecord['entries'][number];
const isSituation = (value: string | null): value is PracticeSituation => (practiceSituations.values as readonly (string | null)[]).includes(value);

/** A person's learning record: totals, then every lesson, quiz and drill, newest first. */
export function LearningRecordView({ staffId }: { staffId?: string }) {
  const { t } = useTranslation();
  const { text, label } = useVocabulary();
  const record = useLearningRecord(staffId);
  const data = record.data;
  return (
    <ListState isPending={record.isPending} error={record.error} refetch={record.refetch}>
      {data ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col flex="1 1 180px">
              <Card size="small">
                <Statistic title={t('record.coursesCompleted')} value={data.coursesCompleted} />
              </Card>
            </Col>
            <Col flex="1 1 180px">
              <Card size="small">
                <Statistic title={t('record.drillsPassed')} value={data.drillsPassed} />
              </Card>
            </Col>
            <Col flex="1 1 180px">
              <Card size="small">
                <Statistic title={t('record.averageDrillScore')} value={data.averageDrillScore ?? '—'} />
              </Card>
            </Col>
            <Col flex="1 1 180px">
              <Card size="small">
                <Statistic title={t('record.practicesPassed')} value={data.practicesPassed} />
              </Card>
            </Col>
            <Col flex="1 1 180px">
              <Card size="small">
                <Statistic title={t('record.minutes')} value={data.minutes} />
              </Card>
            </Col>
          </Row>
          <Table<Entry>
            rowKey="id"
            size="small"
            data-testid="learning-record"
            dataSource={data.entries}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('record.empty')} /> }}
            scroll={{ x: 640 }}
            columns={[
              { title: t('record.time'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value), width: 150 },
              { title: t('record.type'), dataIndex: 'kind', render: (kind: Entry['kind']) => <Tag>{t(`record.kind.${kind}`)}</Tag>, width: 110 },
              {
                title: t('record.subject'),
                dataIndex: 'subjectTitle',
                render: (title: Entry['subjectTitle'], entry) => (
                  <>
                    {text(title)}
                    {entry.kind === 'practice' && isSituation(entry.itemKey) ? (
                      <Tag style={{ marginLeft: 6 }}>{label(practiceSituations, entry.itemKey)}</Tag>
                    ) : null}
                  </>
                ),
              },
              { title: t('record.score'), dataIndex: 'score', render: (score: number | null) => score ?? '—', width: 80 },
              {
                title: t('record.result'),
                dataIndex: 'passed',
                width: 90,
                render: (passed: boolean | null) =>
                  passed === null ? '—' : <Tag color={passed ? 'green' : 'orange'}>{passed ? t('record.passed') : t('record.failed')}</Tag>,
              },
              { title: t('record.duration'), dataIndex: 'seconds', width: 90, render: (seconds: number) => `${Math.max(1, Math.round(seconds / 60))}′` },
            ]}
          />
        </>
      ) : null}
    </ListState>
  );
}
