import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Progress, Radio, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { uploadSurveyImport, usePublishedSurveys, useSurveyImport, type ImportTarget } from '../../api/survey-imports';
import { PageHeader } from '../../shared/PageHeader';
import { MappingStep } from './MappingStep';
import { ResultStep } from './ResultStep';

type TargetMode = 'campaign' | 'survey';

function UploadStep({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const [mode, setMode] = useState<TargetMode>(search.get('campaignId') ? 'campaign' : 'survey');
  const [campaignId, setCampaignId] = useState(search.get('campaignId') ?? '');
  const [surveyId, setSurveyId] = useState<string>();
  const [campaignName, setCampaignName] = useState('');
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const surveys = usePublishedSurveys();

  const submit = async () => {
    const target: ImportTarget | null =
      mode === 'campaign'
        ? campaignId.trim()
          ? { campaignId: campaignId.trim() }
          : null
        : surveyId && campaignName.trim()
          ? { surveyId, campaignName: campaignName.trim() }
          : null;
    if (!target) return setError(t('surveyImport.targetRequired'));
    if (!file) return setError(t('surveyImport.fileRequired'));
    setError(undefined);
    setBusy(true);
    try {
      onUploaded((await uploadSurveyImport(target, file)).id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small">
      <Flex vertical gap={12} style={{ maxWidth: 560 }}>
        <Typography.Text strong>{t('surveyImport.target')}</Typography.Text>
        <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as TargetMode)} data-testid="import-target-mode">
          <Radio value="survey">{t('surveyImport.newCampaign')}</Radio>
          <Radio value="campaign">{t('surveyImport.existingCampaign')}</Radio>
        </Radio.Group>
        {mode === 'campaign' ? (
          <Input
            placeholder={t('surveyImport.campaignId')}
            value={campaignId}
            onChange={(event) => setCampaignId(event.target.value)}
            data-testid="import-campaign-id"
          />
        ) : (
          <>
            <Select
              placeholder={t('surveyImport.survey')}
              loading={surveys.isPending}
              value={surveyId}
              onChange={setSurveyId}
              options={(surveys.data?.items ?? []).map((survey) => ({ value: survey.id, label: survey.name }))}
              data-testid="import-survey"
            />
            <Input
              placeholder={t('surveyImport.campaignNamePlaceholder')}
              value={campaignName}
              onChange={(event) => setCampaignName(event.target.value)}
              maxLength={100}
            />
          </>
        )}
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(picked) => {
            setFile(picked);
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <Button icon={<UploadOutlined />}>{t('surveyImport.pickFile')}</Button>
        </Upload>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="import-upload">
          {busy ? t('surveyImport.uploading') : t('surveyImport.upload')}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * 调查 → 导入外部答卷 (issue 4 §8): upload a 问卷星-style export, confirm the proposed column
 * mapping, read the row-by-row report and import the valid rows.
 */
export function SurveyImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [jobId, setJobId] = useState<string | null>(null);
  const [remapping, setRemapping] = useState(false);
  const job = useSurveyImport(jobId);
  const data = job.data;
  const busy = data?.status === 'validating' || data?.status === 'committing';

  return (
    <>
      <PageHeader
        title={t('surveyImport.title')}
        extra={<Button onClick={() => void navigate('/survey-followups')}>{t('surveyImport.viewFollowups')}</Button>}
      />
      <Typography.Paragraph type="secondary">{t('surveyImport.intro')}</Typography.Paragraph>
      {!jobId ? <UploadStep onUploaded={setJobId} /> : null}
      {jobId && !data ? <Table loading columns={[]} dataSource={[]} /> : null}
      {data && (data.status === 'mapping' || (remapping && data.status === 'validated')) ? (
        <MappingStep job={data} onConfirmed={() => setRemapping(false)} />
      ) : null}
      {busy ? (
        <Card size="small" data-testid="import-progress">
          <Typography.Text>
            {data.status === 'validating' ? t('surveyImport.validating', { processed: data.processedRows }) : t('surveyImport.committing')}
          </Typography.Text>
          <Progress percent={data.totalRows > 0 ? Math.round((data.processedRows / data.totalRows) * 100) : 50} status="active" />
        </Card>
      ) : null}
      {data && !remapping && ['validated', 'committed', 'failed'].includes(data.status) ? (
        <ResultStep job={data} onRemap={() => setRemapping(true)} onRestart={() => setJobId(null)} />
      ) : null}
    </>
  );
}
