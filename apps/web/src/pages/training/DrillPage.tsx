import { ArrowLeftOutlined, CheckCircleTwoTone, CloseCircleTwoTone, UserOutlined } from '@ant-design/icons';
import { discStyles } from '@manyi/core';
import { Alert, Avatar, Button, Card, Col, Descriptions, Empty, Flex, Input, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/problem';
import { useAnswerDrill, useDrill, type DrillDetail, type DrillResult } from '../../api/training';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { useStopwatch } from './stopwatch';

function OwnerSays({ children }: { children: string }) {
  return (
    <Flex gap={8} align="flex-start">
      <Avatar icon={<UserOutlined />} style={{ background: '#fa8c16', flex: 'none' }} />
      <div style={{ background: '#fff7e6', borderRadius: 8, padding: '8px 12px', maxWidth: 640 }}>{children}</div>
    </Flex>
  );
}

function Highlighted({ text, start, end }: { text: string; start: number; end: number }) {
  return (
    <span>
      {text.slice(0, start)}
      <mark style={{ background: '#ffccc7' }}>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </span>
  );
}

function Outcome({ drill, replies, result, onRetry }: { drill: DrillDetail; replies: string[]; result: DrillResult; onRetry: () => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  return (
    <Flex vertical gap={16} data-testid="drill-result">
      <Card title={t('drill.result')} extra={<Button onClick={onRetry}>{t('drill.retry')}</Button>}>
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={6} style={{ textAlign: 'center' }}>
            <Progress type="dashboard" percent={result.total} format={(value) => `${value ?? 0}`} status={result.passed ? 'success' : 'exception'} />
            <div>
              <Tag color={result.passed ? 'green' : 'red'} data-testid="drill-verdict">
                {result.passed ? t('drill.passed') : t('drill.failed')}
              </Tag>
            </div>
          </Col>
          <Col xs={24} md={18}>
            <Typography.Title level={5}>{t('drill.clearTitle')}</Typography.Title>
            <List
              size="small"
              dataSource={result.steps}
              renderItem={(step) => (
                <List.Item data-testid={`clear-${step.step}`}>
                  <Flex vertical style={{ width: '100%' }} gap={2}>
                    <Space>
                      {step.points === step.maxPoints ? (
                        <CheckCircleTwoTone twoToneColor="#52c41a" />
                      ) : (
                        <CloseCircleTwoTone twoToneColor={step.present ? '#faad14' : '#ff4d4f'} />
                      )}
                      <strong>{text(step.name)}</strong>
                      <Typography.Text type="secondary">{t('drill.points', { points: step.points, max: step.maxPoints })}</Typography.Text>
                    </Space>
                    <Typography.Text>{text(step.feedback)}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            <Alert
              style={{ marginTop: 8 }}
              type={result.inOrder ? 'success' : 'warning'}
              showIcon
              title={`${t('drill.order')}: ${text(result.orderFeedback)}`}
            />
          </Col>
        </Row>
      </Card>
      <Card title={t('drill.redLinesTitle')} data-testid="drill-red-lines">
        {result.findings.length === 0 ? (
          <Typography.Text type="success">{t('drill.noRedLines')}</Typography.Text>
        ) : (
          <List
            dataSource={result.findings}
            renderItem={(finding) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <Space wrap>
                    <Tag>{t('drill.inReply', { turn: finding.turn + 1 })}</Tag>
                    <Tag color="red">{text(finding.labels)}</Tag>
                    <Typography.Text type="secondary">{text(finding.why)}</Typography.Text>
                  </Space>
                  <Highlighted text={replies[finding.turn] ?? ''} start={finding.start} end={finding.end} />
                  {result.rewrites[finding.turn] ? (
                    <Typography.Text>
                      <Tag color="green">{t('drill.rewrite')}</Tag>
                      {result.rewrites[finding.turn]}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('drill.modelTitle')}>
        <Flex vertical gap={12}>
          {drill.ownerTurns.map((turn, index) => (
            <Flex key={index} vertical gap={6}>
              <OwnerSays>{text(turn)}</OwnerSays>
              <div style={{ alignSelf: 'flex-end', background: '#e6f4ff', borderRadius: 8, padding: '8px 12px', maxWidth: 640 }}>
                {result.modelReplies[index]}
              </div>
            </Flex>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}

/**
 * A case drill: the owner speaks one turn at a time and the steward writes a reply to each; the whole
 * answer is scored by the CLEAR checklist and the red-line QA, with the model answer shown after.
 */
export function DrillPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const { text, label } = useVocabulary();
  const message = useMessage();
  const drill = useDrill(key);
  const answer = useAnswerDrill(key);
  const elapsed = useStopwatch();
  const [replies, setReplies] = useState<string[]>([]);
  const [step, setStep] = useState(0);
  const [result, setResult] = useState<DrillResult | null>(null);
  const data = drill.data;
  const turns = data?.ownerTurns ?? [];
  const current = replies[step] ?? '';

  const setReply = (index: number, value: string) => setReplies((previous) => Object.assign([...previous], { [index]: value }));
  const submit = async () => {
    try {
      setResult(await answer.mutateAsync({ replies: turns.map((_turn, index) => replies[index] ?? ''), seconds: elapsed() }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const retry = () => {
    setReplies([]);
    setStep(0);
    setResult(null);
    elapsed();
  };

  return (
    <>
      <Link to="/training?tab=drills">
        <ArrowLeftOutlined /> {t('training.back')}
      </Link>
      <ListState isPending={drill.isPending} error={drill.error} refetch={drill.refetch}>
        {data ? (
          <Flex vertical gap={16} style={{ marginTop: 12 }}>
            <PageHeader title={text(data.title)} extra={<Tag>{data.source}</Tag>} />
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={t('drill.scene')}>{text(data.scene)}</Descriptions.Item>
              <Descriptions.Item label={t('drill.ownerStyle')}>
                <Tag color="purple">{label(discStyles, data.ownerStyle)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('drill.styleTip')}>{text(data.styleTip)}</Descriptions.Item>
            </Descriptions>
            {result ? (
              <Outcome drill={data} replies={replies} result={result} onRetry={retry} />
            ) : (
              <Card>
                {turns.length === 0 ? <Empty /> : null}
                <Flex vertical gap={16}>
                  {turns.slice(0, step + 1).map((turn, index) => (
                    <Flex key={index} vertical gap={8} data-testid={`turn-${index}`}>
                      <OwnerSays>{text(turn)}</OwnerSays>
                      <Input.TextArea
                        aria-label={`${t('drill.you')} ${index + 1}`}
                        data-testid={`reply-${index}`}
                        value={replies[index] ?? ''}
                        onChange={(event) => setReply(index, event.target.value)}
                        placeholder={t('drill.placeholder')}
                        autoSize={{ minRows: 2, maxRows: 6 }}
                        maxLength={2000}
                        style={{ alignSelf: 'flex-end', maxWidth: 640 }}
                      />
                    </Flex>
                  ))}
                  <Flex justify="flex-end">
                    {step < turns.length - 1 ? (
                      <Button type="primary" disabled={current.trim().length === 0} onClick={() => setStep(step + 1)} data-testid="next-turn">
                        {t('drill.next')}
                      </Button>
                    ) : (
                      <Button
                        type="primary"
                        disabled={turns.some((_turn, index) => (replies[index] ?? '').trim().length === 0)}
                        loading={answer.isPending}
                        onClick={() => void submit()}
                        data-testid="submit-drill"
                      >
                        {answer.isPending ? t('drill.scoring') : t('drill.submit')}
                      </Button>
                    )}
                  </Flex>
                </Flex>
              </Card>
            )}
          </Flex>
        ) : null}
      </ListState>
    </>
  );
}
