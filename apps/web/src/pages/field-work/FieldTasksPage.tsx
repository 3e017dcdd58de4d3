import { ticketStatuses } from '@manyi/core';
import { Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFieldTasks, useGrab, type FieldTask, type FieldView } from '../../api/field-work';
import { errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { formatDateTime } from '../../shared/time';
import { FieldFrame } from './FieldFrame';

const views: readonly FieldView[] = ['mine', 'pool', 'today'];

function GrabButton({ task }: { task: FieldTask }) {
  const { t } = useTranslation();
  const message = useMessage();
  const grab = useGrab(task.id);
  return (
    <Button
      type="primary"
      size="large"
      block
      loading={grab.isPending}
      onClick={() =>
        grab.mutate(undefined, {
          onSuccess: () => void message.success(t('fieldWork.grabbed')),
          onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
        })
      }
      data-testid="field-grab"
    >
      {t('fieldWork.grab')}
    </Button>
  );
}

function TaskCard({ task, pool }: { task: FieldTask; pool: boolean }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const body = (
    <Flex vertical gap={6}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
          {task.title}
        </Typography.Text>
        <Tag color={task.status === 'in_progress' ? 'processing' : 'default'}>{label(ticketStatuses, task.status)}</Tag>
      </Flex>
      <Typography.Text>{[task.householdLabel, task.location].filter(Boolean).join(' · ') || task.projectName}</Typography.Text>
      <Typography.Text type="secondary">{[task.number, task.categoryName ? text(task.categoryName) : null].filter(Boolean).join(' · ')}</Typography.Text>
      {task.appointmentAt ? <Typography.Text type="warning">{t('fieldWork.appointmentAt', { at: formatDateTime(task.appointmentAt) })}</Typography.Text> : null}
    </Flex>
  );
  return (
    <Card size="small" data-testid="field-task">
      {pool ? (
        <Flex vertical gap={12}>
          {body}
          <GrabButton task={task} />
        </Flex>
      ) : (
        <Link to={`/m/tasks/${task.id}`} style={{ color: 'inherit', display: 'block', minHeight: 48 }}>
          {body}
        </Link>
      )}
    </Card>
  );
}

/** 我的任务 on the technician's phone: assigned to me, the grab pool, and today's visits and deadlines. */
export function FieldTasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = (views as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as FieldView) : 'mine';
  const tasks = useFieldTasks(view);
  return (
    <FieldFrame title={t('fieldWork.title')}>
      <Segmented
        block
        size="large"
        value={view}
        onChange={(value) => setParams({ view: String(value) }, { replace: true })}
        options={views.map((value) => ({ value, label: t(`fieldWork.views.${value}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="field-views"
      />
      {tasks.isPending ? (
        <Spin style={{ display: 'block', margin: 32 }} />
      ) : tasks.isError ? (
        <Empty description={errorMessage(tasks.error, t('common.loadFailed'))} />
      ) : tasks.data.items.length === 0 ? (
        <Empty description={t(`fieldWork.empty.${view}`)} />
      ) : (
        <Flex vertical gap={10}>
          {tasks.data.items.map((task) => (
            <TaskCard key={task.id} task={task} pool={view === 'pool'} />
          ))}
        </Flex>
      )}
    </FieldFrame>
  );
}
