import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import type { Attachment } from '../../api/ticket-types';
import { attachmentUrl, useUploadAttachment } from '../../api/tickets';
import { ItemList } from '../../shared/ItemList';
import { ListEmpty } from '../../shared/ListEmpty';
import { useMessage } from '../../shared/MessageProvider';
import { formatDateTime } from '../../shared/time';
import { attachmentProblem, attachmentTypes, formatSize } from '../../shared/attachment-rules';

/** Photos and PDFs of the ticket; checked here first so a wrong file fails before it is sent. */
export function AttachmentsPanel({ ticketId, attachments, readOnly }: { ticketId: string; attachments: Attachment[]; readOnly: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const upload = useUploadAttachment(ticketId);
  return (
    <Flex vertical gap={8} data-testid="attachments-panel">
      <Upload
        accept={attachmentTypes.join(',')}
        showUploadList={false}
        disabled={readOnly || upload.isPending}
        customRequest={({ file }) => {
          if (!(file instanceof File)) return;
          const problem = attachmentProblem(file);
          if (problem) {
            void message.error(t(`serviceDesk.attachments.${problem}`));
            return;
          }
          upload.mutate(file, {
            onSuccess: () => void message.success(t('serviceDesk.attachments.uploaded')),
            onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
          });
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={readOnly} data-testid="attachment-upload">
          {t('serviceDesk.attachments.upload')}
        </Button>
      </Upload>
      <ItemList
        items={attachments}
        rowKey={(attachment) => attachment.id}
        empty={<ListEmpty description={t('serviceDesk.attachments.empty')} />}
        renderItem={(attachment) => (
          <Flex justify="space-between" gap={8} style={{ padding: '6px 4px' }} data-testid="attachment-item">
            <Typography.Link href={attachmentUrl(ticketId, attachment.id)} target="_blank" ellipsis>
              <PaperClipOutlined /> {attachment.fileName}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {formatSize(attachment.size)} · {formatDateTime(attachment.createdAt)}
            </Typography.Text>
          </Flex>
        )}
      />
    </Flex>
  );
}
