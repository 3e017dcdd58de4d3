import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Result, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCommitImport } from '../../api/imports';
import { errorMessage } from '../../api/problem';
import type { ImportJob, ImportRowError } from '../../api/types';
import { useProjectScope } from '../../layout/ProjectScope';
import { useMessage } from '../../shared/MessageProvider';

type ImportJobViewProps = { job: ImportJob | undefined; error: Error | null; onRestart: () => void };

function JobProgress({ job, caption }: { job: ImportJob; caption: string }) {
  const { t } = useTranslation();
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Card size="small" data-testid="import-progress">
      <Flex vertical gap={8}>
        <Typography.Text strong>
          <Spin size="small" style={{ marginInlineEnd: 8 }} />
          {caption}
        </Typography.Text>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">{t('imports.progress', { processed: job.processedRows, total: job.totalRows })}</Typography.Text>
      </Flex>
    </Card>
  );
}

export function ImportJobView({ job, error, onRestart }: ImportJobViewProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const commit = useCommitImport();
  const scope = useProjectScope();

  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={error.message}
        action={<Button onClick={onRestart}>{t('imports.again')}</Button>}
      />
    );
  if (!job) return <Spin />;

  const again = (
    <Button onClick={onRestart} data-testid="import-again">
      {t('imports.again')}
    </Button>
  );

  switch (job.status) {
    case 'validating':
      return <JobProgress job={job} caption={t('imports.validating')} />;
    case 'committing':
      return <JobProgress job={job} caption={t('imports.committing')} />;
    case 'invalid':
      return (
        <Flex vertical gap={12} data-testid="import-invalid">
          <Alert
            type="error"
            showIcon
            title={t('imports.invalidTitle', { count: job.errorCount })}
            description={t('imports.invalidDescription')}
            action={again}
          />
          <Table<ImportRowError>
            size="small"
            rowKey={(row) => `${row.row}:${row.column ?? ''}:${row.code}`}
            dataSource={job.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('imports.row'), dataIndex: 'row', width: 90 },
              { title: t('imports.column'), dataIndex: 'column', width: 160, render: (value: string | null) => value ?? '—' },
              { title: t('imports.reason'), dataIndex: 'message' },
            ]}
            data-testid="import-errors"
          />
        </Flex>
      );
    case 'validated':
      return (
        <Card data-testid="import-validated">
          <Flex vertical gap={16}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              <CheckCircleOutlined style={{ color: '#52c41a', marginInlineEnd: 8 }} />
              {t('imports.validatedTitle')}
            </Typography.Title>
            <Typography.Text>{t('imports.validatedDescription', { file: job.fileName, total: job.totalRows, valid: job.validRows })}</Typography.Text>
            <Flex gap={48}>
              <Statistic title={t('imports.totalRows')} value={job.totalRows} />
              <Statistic title={t('imports.validRows')} value={job.validRows} styles={{ content: { color: '#52c41a' } }} />
            </Flex>
            <Flex gap={8}>
              <Button
                type="primary"
                size="large"
                loading={commit.isPending}
                onClick={() => commit.mutate(job.id, { onError: (failure) => void message.error(errorMessage(failure, t('common.requestFailed'))) })}
                data-testid="import-commit"
              >
                {t('imports.commit')}
              </Button>
              {again}
            </Flex>
          </Flex>
        </Card>
      );
    case 'committed':
      return (
        <div data-testid="import-committed">
          <Result
            status="success"
            title={t('imports.committedTitle')}
            subTitle={t('imports.committedDescription', { valid: job.validRows, total: job.totalRows })}
            extra={[
              <Button
                key="households"
                type="primary"
                onClick={() => {
                  // Show the households where they landed, not in whatever project the header had.
                  if (scope.projects.some((project) => project.id === job.projectId)) scope.setChoice(job.projectId);
                  void navigate('/buildings');
                }}
                data-testid="import-view-households"
              >
                {t('imports.viewHouseholds')}
              </Button>,
              <span key="again">{again}</span>,
            ]}
          />
        </div>
      );
    case 'failed':
      return (
        <div data-testid="import-failed">
          <Result status="error" title={t('imports.failedTitle')} subTitle={job.failure ?? undefined} extra={again} />
        </div>
      );
  }
}
