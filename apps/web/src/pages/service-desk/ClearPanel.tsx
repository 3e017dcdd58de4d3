import { CheckCircleFilled } from '@ant-design/icons';
import { clearSteps, type ClearStep } from '@manyi/core';
import { Alert, Button, DatePicker, Flex, Input, Steps, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import type { ClearFields, ClearRecordView } from '../../api/ticket-types';
import { useSaveClear } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { formatDateTime } from '../../shared/time';
import { textLimits } from '@manyi/contracts/limits';
import { clearBody } from '@manyi/contracts/complaints';

/** The text field each step writes. */
const stepField: Record<ClearStep, Exclude<keyof ClearFields, 'promisedAt'>> = {
  control: 'controlNote',
  listen: 'listenSummary',
  establish: 'empathyStatement',
  apologize: 'apology',
  resolve: 'resolvePlan',
};

const letters: Record<ClearStep, string> = { control: 'C', listen: 'L', establish: 'E', apologize: 'A', resolve: 'R' };

type ClearPanelProps = { ticketId: string; clear: ClearRecordView | null; readOnly: boolean };

/**
 * CLEAR (seed 001 第三讲) as five steps the handler walks through during the call. Each step is
 * saved on its own, so who wrote it and when is on record; a complaint cannot be resolved until
 * all five are there.
 */
export function ClearPanel({ ticketId, clear, readOnly }: ClearPanelProps) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const message = useMessage();
  const save = useSaveClear(ticketId);
  const firstOpen = clearSteps.values.find((step) => !clear?.steps[step].done);
  const [current, setCurrent] = useState(() => Math.max(0, clearSteps.values.indexOf(firstOpen ?? 'control')));
  const [drafts, setDrafts] = useState<Partial<Record<ClearStep, string>>>({});
  const [promisedAt, setPromisedAt] = useState<Dayjs | null>(clear?.promisedAt ? dayjs(clear.promisedAt) : null);
  const step = clearSteps.values[current] ?? 'control';
  const field = stepField[step];
  const draft = drafts[step] ?? clear?.[field] ?? '';
  const state = clear?.steps[step];

  const saveStep = async () => {
    const body: Partial<ClearFields> = { [field]: draft.trim() };
    if (step === 'resolve') body.promisedAt = promisedAt ? promisedAt.toISOString() : null;
    try {
      await save.mutateAsync(body);
      void message.success(t('serviceDesk.clear.stepSaved', { step: label(clearSteps, step) }));
      if (current < clearSteps.values.length - 1) setCurrent(current + 1);
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="clear-panel" data-done={clearSteps.values.filter((value) => clear?.steps[value].done).length}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('serviceDesk.clear.intro')}</Typography.Text>
        {clear?.complete ? (
          <Tag color="green" icon={<CheckCircleFilled />} data-testid="clear-complete">
            {t('serviceDesk.clear.complete')}
          </Tag>
        ) : (
          <Tag color="orange">{t('serviceDesk.clear.incomplete')}</Tag>
        )}
      </Flex>
      <Steps
        current={current}
        onChange={setCurrent}
        size="small"
        items={clearSteps.values.map((value) => ({
          title: `${letters[value]} · ${label(clearSteps, value)}`,
          status: clear?.steps[value].done ? 'finish' : value === step ? 'process' : 'wait',
        }))}
        data-testid="clear-steps"
      />
      <Flex vertical gap={8}>
        <Input.TextArea
          value={draft}
          onChange={(event) => setDrafts({ ...drafts, [step]: event.target.value })}
          placeholder={t(`serviceDesk.clear.placeholders.${step}`)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={textLimits(clearBody, stepField[step]).max}
          disabled={readOnly}
          data-testid={`clear-input-${step}`}
        />
        {step === 'resolve' ? (
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t('serviceDesk.clear.promisedAt')}</Typography.Text>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={promisedAt}
              onChange={setPromisedAt}
              disabled={readOnly}
              disabledDate={(date) => date.isBefore(dayjs().startOf('day'))}
              data-testid="clear-promised-at"
            />
            {[2, 24, 72].map((hours) => (
              <Button
                key={hours}
                size="small"
                disabled={readOnly}
                onClick={() => setPromisedAt(dayjs().add(hours, 'hour').startOf('minute'))}
                data-testid={`clear-promise-${hours}h`}
              >
                {t('serviceDesk.clear.inHours', { hours })}
              </Button>
            ))}
          </Flex>
        ) : null}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="clear-saved-by">
            {state?.done && state.savedAt
              ? t('serviceDesk.clear.savedBy', { name: state.savedBy ?? '—', time: formatDateTime(state.savedAt) })
              : t('serviceDesk.clear.notSaved')}
          </Typography.Text>
          <Button
            type="primary"
            onClick={() => void saveStep()}
            loading={save.isPending}
            disabled={readOnly || !draft.trim() || (step === 'resolve' && !promisedAt)}
            data-testid={`clear-save-${step}`}
          >
            {t('serviceDesk.clear.saveStep')}
          </Button>
        </Flex>
      </Flex>
      {readOnly ? <Alert type="info" showIcon title={t('serviceDesk.readOnly')} /> : null}
    </Flex>
  );
}
