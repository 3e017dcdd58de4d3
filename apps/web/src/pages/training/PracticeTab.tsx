import { CheckCircleTwoTone, CloseCircleTwoTone, UserOutlined } from '@ant-design/icons';
import { discGuides, practiceSituations, type PracticeSituation } from '@manyi/core';
import { Alert, Avatar, Button, Card, Col, Descriptions, Empty, Flex, Input, List, Progress, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { usePractise, usePracticeScripts, type PracticeResult, type PracticeScript } from '../../api/training';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { RedLineHint } from '../text-qa/RedLineHint';
import { useStopwatch } from './stopwatch';

function Highlighted({ text, start, end }: { text: string; start: number; end: number }) {
  return (
    <span>
      {text.slice(0, start)}
      <mark style={{ background: '#ffccc7' }}>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </span>
  );
}

function Outcome({ reply, result, onRetry }: { reply: string; result: PracticeResult; onRetry: () => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  return (
    <Flex vertical gap={16} data-testid="practice-result">
      <Card title={t('practice.result')} extra={<Button onClick={onRetry}>{t('practice.retry')}</Button>}>
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={6} style={{ textAlign: 'center' }}>
            <Progress type="dashboard" percent={result.total} format={(value) => `${value ?? 0}`} status={result.passed ? 'success' : 'exception'} />
            <div>
              <Tag color={result.passed ? 'green' : 'red'} data-testid="practice-verdict">
                {result.passed ? t('practice.passed') : t('practice.failed')}
              </Tag>
            </div>
            <Space size={4} wrap style={{ justifyContent: 'center', marginTop: 8 }}>
              <Tag>{t('practice.qaScore', { score: result.qaScore })}</Tag>
              <Tag>{t('practice.warmth', { score: result.warmth })}</Tag>
            </Space>
          </Col>
          <Col xs={24} md={18}>
            <Typography.Title level={5}>{t('practice.feedback')}</Typography.Title>
            <List size="small" data-testid="practice-feedback" dataSource={result.feedback} renderItem={(line) => <List.Item>{text(line)}</List.Item>} />
          </Col>
        </Row>
      </Card>
      <Card title={t('practice.redLines')} data-testid="practice-red-lines">
        {result.findings.length === 0 ? (
          <Typography.Text type="success">{t('practice.noRedLines')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            {result.findings.map((finding) => (
              <Flex key={`${finding.redLine}-${finding.start}`} vertical gap={4}>
                <Space wrap>
                  <Tag color="red">{text(finding.labels)}</Tag>
                  <Typography.Text type="secondary">{text(finding.why)}</Typography.Text>
                </Space>
                <Highlighted text={reply} start={finding.start} end={finding.end} />
              </Flex>
            ))}
            {result.rewrite ? (
              <Typography.Text data-testid="practice-rewrite">
                <Tag color="green">{t('practice.rewrite')}</Tag>
                {result.rewrite}
              </Typography.Text>
            ) : null}
          </Flex>
        )}
      </Card>
      <Card title={t('practice.techniques')}>
        <Typography.Paragraph type="secondary">{t('practice.techniquesHint')}</Typography.Paragraph>
        <Row gutter={[12, 8]}>
          {result.techniques.map((technique) => (
            <Col key={technique.code} xs={24} md={12} data-testid={`technique-${technique.code}`}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Space>
                  {technique.inReply ? (
                    <CheckCircleTwoTone twoToneColor="#52c41a" />
                  ) : (
                    <CloseCircleTwoTone twoToneColor={technique.inModel ? '#ff4d4f' : '#d9d9d9'} />
                  )}
                  <strong>{text(technique.labels)}</strong>
                </Space>
                <Space size={4}>
                  <Tag color={technique.inModel ? 'blue' : 'default'}>{technique.inModel ? t('practice.inModel') : t('practice.notInModel')}</Tag>
                  <Tag color={technique.inReply ? 'green' : technique.inModel ? 'red' : 'default'}>
                    {technique.inReply ? t('practice.yours') : t('practice.notYours')}
                  </Tag>
                </Space>
              </Flex>
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('practice.points')}>
        <Flex wrap gap={6} data-testid="practice-points">
          {result.points.map((point) => (
            <Tag key={`${point.kind}-${point.point}`} color={point.covered ? 'green' : 'orange'}>
              {point.kind === 'time' ? `${t('practice.time')}：${point.point}` : point.point}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Card title={t('practice.compare')} data-testid="practice-compare">
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('practice.mine')}</Typography.Text>
            <Typography.Paragraph style={{ background: '#fafafa', borderRadius: 8, padding: '8px 12px', marginTop: 6 }}>{reply}</Typography.Paragraph>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('practice.model')}</Typography.Text>
            <Typography.Paragraph style={{ background: '#e6f4ff', borderRadius: 8, padding: '8px 12px', marginTop: 6 }} data-testid="practice-model">
              {result.model}
            </Typography.Paragraph>
          </Col>
        </Row>
      </Card>
    </Flex>
  );
}

function Practice({ script }: { script: PracticeScript }) {
  const { t } = useTranslation();
  const { text, options } = useVocabulary();
  const message = useMessage();
  const practise = usePractise(script.key);
  const elapsed = useStopwatch();
  const [situation, setSituation] = useState<PracticeSituation>('standard');
  const [reply, setReply] = useState('');
  const [result, setResult] = useState<PracticeResult | null>(null);
  const submit = async () => {
    try {
      setResult(await practise.mutateAsync({ situation, reply, seconds: elapsed() }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const retry = () => {
    setReply('');
    setResult(null);
    elapsed();
  };
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('practice.situation')}>
          <Segmented<PracticeSituation>
            data-testid="practice-situation"
            value={situation}
            disabled={result !== null}
            onChange={setSituation}
            options={options(practiceSituations)}
          />
        </Descriptions.Item>
        {situation !== 'standard' ? <Descriptions.Item label={t('practice.styleTip')}>{text(discGuides[situation].key)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('practice.ownerSays')}>
          <Flex gap={8} align="flex-start">
            <Avatar icon={<UserOutlined />} style={{ background: '#fa8c16', flex: 'none' }} />
            <div style={{ background: '#fff7e6', borderRadius: 8, padding: '8px 12px' }} data-testid="practice-opening">
              {text(script.opening)}
            </div>
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      {result ? (
        <Outcome reply={reply} result={result} onRetry={retry} />
      ) : (
        <Card>
          <Flex vertical gap={12}>
            <Input.TextArea
              aria-label={t('practice.reply')}
              data-testid="practice-reply"
              value={reply}
              onChange={(event) => setReply(event.target.value)}
              placeholder={t('practice.placeholder')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              showCount
            />
            <RedLineHint text={reply} enabled onTakeRewrite={setReply} />
            <Flex justify="flex-end">
              <Button
                type="primary"
                disabled={reply.trim().length === 0}
                loading={practise.isPending}
                onClick={() => void submit()}
                data-testid="practice-submit"
              >
                {practise.isPending ? t('practice.scoring') : t('practice.submit')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

/**
 * 话术练习: a scenario of the company's script library in one situation (an owner of any or one DISC type); the reply
 * is checked for red lines while typed, then scored and set beside the library's phrasing.
 */
export function PracticeTab() {
  const { t } = useTranslation();
  const { text, label } = useVocabulary();
  const scripts = usePracticeScripts();
  const [chosen, setChosen] = useState<string | null>(null);
  const script = scripts.data?.items.find((item) => item.key === chosen) ?? null;
  return (
    <ListState isPending={scripts.isPending} error={scripts.error} refetch={scripts.refetch}>
      <Typography.Paragraph type="secondary">{t('practice.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('practice.scripts')}>
            <List
              size="small"
              dataSource={scripts.data?.items ?? []}
              locale={{ emptyText: <Empty /> }}
              renderItem={(item) => (
                <List.Item
                  data-testid={`practice-${item.key}`}
                  onClick={() => setChosen(item.key)}
                  style={{ cursor: 'pointer', background: item.key === chosen ? '#e6f4ff' : undefined, paddingInline: 8 }}
                >
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Space wrap>
                      <strong>{text(item.title)}</strong>
                      {item.companyOwned ? <Tag>{t('practice.company')}</Tag> : null}
                      {item.bestScore !== null ? (
                        <Tag color={item.passedSituations.length > 0 ? 'green' : 'orange'}>{t('practice.best', { score: item.bestScore })}</Tag>
                      ) : null}
                    </Space>
                    {item.attempts > 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('practice.attempts', { count: item.attempts })}
                        {item.passedSituations.length > 0
                          ? ` · ${t('practice.passedSituations', { list: item.passedSituations.map((value) => label(practiceSituations, value)).join('、') })}`
                          : ''}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          {script ? (
            <Card title={text(script.title)}>
              <Practice key={script.key} script={script} />
            </Card>
          ) : (
            <Alert type="info" showIcon title={t('practice.pick')} />
          )}
        </Col>
      </Row>
    </ListState>
  );
}
