import { CheckCircleFilled } from '@ant-design/icons';
import { recoveryParts } from '@manyi/core';
import { Button, Flex, Form, Input, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryFields, RecoveryRecordView } from '../../api/ticket-types';
import { useSaveRecovery } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { formatDateTime } from '../../shared/time';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { recoveryBody } from '@manyi/contracts/complaints';

const limit = (field: keyof typeof recoveryBody.shape) => textLimits(recoveryBody, field).max;

type RecoveryForm = { emotionalRecovery?: string; problemRecovery?: string; compensation?: string; lessonLearned?: string };

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** 服务补救 (seed 001): what was done for the owner as a person, what was fixed, and what the team learned. */
export function RecoveryForm({ ticketId, recovery, readOnly }: { ticketId: string; recovery: RecoveryRecordView | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const [form] = Form.useForm<RecoveryForm>();
  const save = useSaveRecovery(ticketId);

  useEffect(() => {
    form.setFieldsValue({
      emotionalRecovery: recovery?.emotionalRecovery ?? '',
      problemRecovery: recovery?.problemRecovery ?? '',
      compensation: recovery?.compensation ?? '',
      lessonLearned: recovery?.lessonLearned ?? '',
    });
  }, [recovery, form]);

  const submit = useSaveForm(form, {
    save: (values) => {
      const body: RecoveryFields = {
        emotionalRecovery: blankToNull(values.emotionalRecovery),
        problemRecovery: blankToNull(values.problemRecovery),
        compensation: blankToNull(values.compensation),
        lessonLearned: blankToNull(values.lessonLearned),
      };
      return save.mutateAsync(body);
    },
    onSaved: () => undefined,
  });

  return (
    <Form form={form} layout="vertical" disabled={readOnly} data-testid="recovery-form">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
        <Typography.Text type="secondary">{t('serviceDesk.recovery.intro')}</Typography.Text>
        {recovery?.complete ? (
          <Tag color="green" icon={<CheckCircleFilled />} data-testid="recovery-complete">
            {t('serviceDesk.recovery.complete')}
          </Tag>
        ) : (
          <Tag color="orange">{t('serviceDesk.recovery.incomplete')}</Tag>
        )}
      </Flex>
      <Form.Item name="emotionalRecovery" label={label(recoveryParts, 'emotional')} rules={[{ max: limit('emotionalRecovery') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('serviceDesk.recovery.emotionalPlaceholder')} data-testid="recovery-emotional" />
      </Form.Item>
      <Form.Item name="problemRecovery" label={label(recoveryParts, 'problem')} rules={[{ max: limit('problemRecovery') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('serviceDesk.recovery.problemPlaceholder')} data-testid="recovery-problem" />
      </Form.Item>
      <Form.Item name="compensation" label={t('serviceDesk.recovery.compensation')} rules={[{ max: limit('compensation') }]}>
        <Input placeholder={t('serviceDesk.recovery.compensationPlaceholder')} data-testid="recovery-compensation" />
      </Form.Item>
      <Form.Item name="lessonLearned" label={t('serviceDesk.recovery.lesson')} rules={[{ max: limit('lessonLearned') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="recovery-lesson" />
      </Form.Item>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {recovery?.updatedAt ? t('serviceDesk.clear.savedBy', { name: recovery.updatedBy ?? '—', time: formatDateTime(recovery.updatedAt) }) : ''}
        </Typography.Text>
        <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="recovery-save">
          {t('serviceDesk.recovery.save')}
        </Button>
      </Flex>
    </Form>
  );
}
