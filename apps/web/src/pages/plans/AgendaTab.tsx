import { Alert, Button, Card, Empty, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth';
import { apiUrl } from '../../api/client';
import { useAgenda, useAnswerQuestion, useAskQuestion, type Question } from '../../api/plans';
import { errorMessage } from '../../api/problem';
import { useProjectScope } from '../../layout/ProjectScope';
import { useMessage } from '../../shared/MessageProvider';
import { stateColors } from './ActionsTab';

function Item({ title, count, children }: { title: string; count: number | null; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={count === null ? null : <Tag color={count > 0 ? 'red' : 'green'}>{count}</Tag>}>
      {children}
    </Card>
  );
}

function Answer({ question }: { question: Question }) {
  const { t } = useTranslation();
  const message = useMessage();
  const answer = useAnswerQuestion();
  const [text, setText] = useState('');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input placeholder={t('plans.answerPlaceholder')} value={text} onChange={(event) => setText(event.target.value)} />
      <Button
        disabled={!text.trim()}
        onClick={() =>
          answer.mutate({ id: question.id, answer: text }, { onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) })
        }
      >
        {t('plans.answer')}
      </Button>
    </Space.Compact>
  );
}

/** 周例会: the week's agenda assembled from data, staff questions with the manager's measure and reason. */
export function AgendaTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const { projectId } = useProjectScope();
  const manages = useAbility('action.manage');
  const agenda = useAgenda(projectId);
  const ask = useAskQuestion();
  const [question, setQuestion] = useState('');
  if (!projectId) return <Empty description={t('plans.chooseProject')} />;
  if (agenda.isError) return <Alert type="error" message={errorMessage(agenda.error, t('common.loadFailed'))} />;
  const data = agenda.data;
  if (!data) return <Card loading />;
  const none = <Typography.Text type="secondary">{t('plans.nothing')}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="agenda">
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('plans.agenda')} · {data.projectName}
        </Typography.Title>
        <Button href={apiUrl('/analytics/reports/weekly', { projectId, format: 'pdf' })} target="_blank">
          {t('plans.report')}
        </Button>
      </Flex>
      <Item title={t('plans.agendaItems.targets')} count={data.targetsOffTrack.length}>
        {data.targetsOffTrack.length === 0
          ? none
          : data.targetsOffTrack.map((target) => (
              <div key={target.id}>
                {target.scopeName} · {t(`plans.metrics.${target.metric}`)} {target.actual ?? '—'} / {target.value}
              </div>
            ))}
      </Item>
      <Item title={t('plans.agendaItems.gaps')} count={data.gapsWidened?.length ?? null}>
        {data.gapsWidened === null ? (
          <Typography.Text type="secondary">{t('plans.gapsUnavailable')}</Typography.Text>
        ) : data.gapsWidened.length === 0 ? (
          none
        ) : (
          data.gapsWidened.map((gap) => (
            <div key={gap.gapKey}>
              {t(`gaps.names.${gap.gap}`, { defaultValue: gap.label })}：{gap.before} → {gap.now}（{gap.change > 0 ? '+' : ''}
              {gap.change}）
            </div>
          ))
        )}
      </Item>
      <Item title={t('plans.agendaItems.actions')} count={data.overdueActions.length}>
        {data.overdueActions.length === 0
          ? none
          : data.overdueActions.map((action) => (
              <div key={action.id}>
                <Tag color={stateColors[action.state]}>{action.dueOn}</Tag>
                {action.title} · {action.ownerName ?? t('plans.unclaimed')}
              </div>
            ))}
      </Item>
      <Item title={t('plans.agendaItems.cases')} count={data.newCases.length}>
        {data.newCases.length === 0 ? none : data.newCases.map((row) => <div key={row.id}>{row.title}</div>)}
      </Item>
      <Item title={t('plans.agendaItems.questions')} count={data.questions.filter((item) => item.answer === null).length}>
        <List
          size="small"
          dataSource={data.questions}
          locale={{ emptyText: t('plans.nothing') }}
          renderItem={(item) => (
            <List.Item>
              <Flex vertical style={{ width: '100%' }} gap={4}>
                <span>
                  {item.question} <Typography.Text type="secondary">— {item.askedByName}</Typography.Text>
                </span>
                {item.answer ? (
                  <Typography.Text type="success">
                    {item.answer}（{item.answeredByName}）
                  </Typography.Text>
                ) : manages ? (
                  <Answer question={item} />
                ) : (
                  <Typography.Text type="secondary">{t('plans.waiting')}</Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder={t('plans.askPlaceholder')} value={question} onChange={(event) => setQuestion(event.target.value)} />
          <Button
            disabled={!question.trim()}
            onClick={() =>
              ask.mutate(
                { projectId, question },
                { onSuccess: () => setQuestion(''), onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) },
              )
            }
          >
            {t('plans.ask')}
          </Button>
        </Space.Compact>
      </Item>
    </Flex>
  );
}
