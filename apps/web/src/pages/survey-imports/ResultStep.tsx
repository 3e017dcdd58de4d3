import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSurveyImportStep, type SurveyImport } from '../../api/survey-imports';
import { ListEmpty } from '../../shared/ListEmpty';

type RowError = SurveyImport['errors'][number];

/** The row-by-row report of a checked file, and the import of its valid rows (issue 4 §9). */
export function ResultStep({ job, onRemap, onRestart }: { job: SurveyImport; onRemap: () => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const commit = useSurveyImportStep('commit');
  return (
    <Flex vertical gap={12}>
      {job.status === 'committed' ? (
        <Alert
          type="success"
          showIcon
          title={t('surveyImport.committed', { count: job.importedRows })}
          action={<Link to={`/survey-followups?campaignId=${job.campaignId}`}>{t('surveyImport.viewFollowups')}</Link>}
          data-testid="import-committed"
        />
      ) : null}
      {job.status === 'failed' ? <Alert type="error" showIcon title={t('surveyImport.failed')} /> : null}
      <Card size="small" data-testid="import-result">
        <Typography.Paragraph strong>{t('surveyImport.summary', { total: job.totalRows, valid: job.validRows, errors: job.errorCount })}</Typography.Paragraph>
        {commit.error ? <Alert type="error" showIcon title={commit.error.message} style={{ marginBottom: 12 }} /> : null}
        <Flex gap={8} wrap>
          {job.status === 'validated' ? (
            <>
              <Button
                type="primary"
                disabled={job.validRows === 0}
                loading={commit.isPending}
                onClick={() => commit.mutate({ id: job.id })}
                data-testid="import-commit"
              >
                {t('surveyImport.commit', { count: job.validRows })}
              </Button>
              <Button onClick={onRemap}>{t('surveyImport.remap')}</Button>
            </>
          ) : null}
          <Button onClick={onRestart}>{t('common.back')}</Button>
        </Flex>
      </Card>
      <Card size="small" title={t('surveyImport.errorsTitle')}>
        <Table<RowError>
          rowKey={(error) => `${error.row}.${error.column ?? ''}.${error.code}`}
          size="small"
          dataSource={job.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <ListEmpty description={t('common.none')} /> }}
          columns={[
            { title: t('surveyImport.row'), dataIndex: 'row', width: 80 },
            { title: t('surveyImport.column'), dataIndex: 'column', width: 260, render: (value: string | null) => value ?? t('common.none') },
            { title: t('surveyImport.value'), dataIndex: 'value', width: 160 },
            { title: t('surveyImport.reason'), dataIndex: 'message' },
          ]}
          data-testid="import-errors"
        />
      </Card>
    </Flex>
  );
}
