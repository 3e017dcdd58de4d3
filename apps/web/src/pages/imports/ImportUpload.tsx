import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Upload, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadHouseholdImport } from '../../api/imports';
import { errorMessage } from '../../api/problem';
import type { ImportJob } from '../../api/types';

const acceptedTypes = '.xlsx,.csv';

type ImportUploadProps = { projectId: string; onUploaded: (job: ImportJob) => void };

export function ImportUpload({ projectId, onUploaded }: ImportUploadProps) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number | null>(null);
  const [rejection, setRejection] = useState<string | null>(null);

  return (
    <div data-testid="import-upload">
      <Upload.Dragger
        accept={acceptedTypes}
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        customRequest={({ file }) => {
          // antd types the file loosely; in the browser it is always a File.
          if (!(file instanceof File)) return;
          setRejection(null);
          setPercent(0);
          uploadHouseholdImport(projectId, file, setPercent)
            .then((job) => onUploaded(job))
            .catch((error: unknown) => setRejection(errorMessage(error, t('common.requestFailed'))))
            .finally(() => setPercent(null));
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.dragger')}</p>
        <p className="ant-upload-hint">{t('imports.draggerHint')}</p>
      </Upload.Dragger>
      {percent !== null ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('imports.uploading', { percent })}</Typography.Text>
          <Progress percent={percent} data-testid="import-upload-progress" />
        </div>
      ) : null}
      {rejection ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRejection(null) }}
          title={t('imports.rejected')}
          description={rejection}
          style={{ marginTop: 12 }}
          data-testid="import-rejected"
        />
      ) : null}
    </div>
  );
}
