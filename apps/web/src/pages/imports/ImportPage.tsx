import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importTemplateUrl, useImportJob } from '../../api/imports';
import type { ImportJob } from '../../api/types';
import { useProjectScope } from '../../layout/ProjectScope';
import { PageHeader } from '../../shared/PageHeader';
import { ImportJobView } from './ImportJobView';
import { ImportUpload } from './ImportUpload';

/** The step the person is on, for the Steps indicator. */
function currentStep(job: ImportJob | undefined): number {
  if (!job) return 1;
  return job.status === 'committed' ? 3 : 2;
}

export function ImportPage() {
  const { t } = useTranslation();
  const scope = useProjectScope();
  const [pickedProjectId, setPickedProjectId] = useState<string | undefined>();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  // Default to the project chosen in the header until the person picks another here.
  const projectId = pickedProjectId ?? scope.projectId;

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Steps
        current={currentStep(job.data)}
        style={{ marginBottom: 24 }}
        items={[{ title: t('imports.step1') }, { title: t('imports.step2') }, { title: t('imports.step3') }]}
      />
      <Flex vertical gap={16} style={{ maxWidth: 960 }}>
        <Card size="small">
          <Flex wrap gap={16} align="center" justify="space-between">
            <Space wrap>
              <Typography.Text strong>{t('imports.project')}</Typography.Text>
              <Select
                value={projectId}
                onChange={(value: string) => setPickedProjectId(value)}
                placeholder={t('imports.projectPlaceholder')}
                options={scope.projects.map((project) => ({ value: project.id, label: project.name }))}
                showSearch={{ optionFilterProp: 'label' }}
                disabled={jobId !== null}
                style={{ width: 240 }}
                data-testid="import-project"
              />
            </Space>
            <Space wrap>
              <Button icon={<FileExcelOutlined />} href={importTemplateUrl('xlsx')} download data-testid="import-template-xlsx">
                {t('imports.templateXlsx')}
              </Button>
              <Button icon={<FileTextOutlined />} href={importTemplateUrl('csv')} download data-testid="import-template-csv">
                {t('imports.templateCsv')}
              </Button>
            </Space>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('imports.step1Hint')}
          </Typography.Paragraph>
        </Card>
        {jobId === null ? (
          projectId ? (
            <ImportUpload projectId={projectId} onUploaded={(uploaded) => setJobId(uploaded.id)} />
          ) : (
            <Alert type="info" showIcon title={t('imports.pickProject')} />
          )
        ) : (
          <ImportJobView job={job.data} error={job.error} onRestart={() => setJobId(null)} />
        )}
      </Flex>
    </>
  );
}
