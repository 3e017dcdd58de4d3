import { Alert, Button, Flex, Form, Input, Radio, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RedLineHint } from '../text-qa/RedLineHint';
import type { ReturnVisit, VisitOutcome } from '../../api/ticket-types';
import { useRecordVisit, type VisitInput } from '../../api/tickets';
import { ItemList } from '../../shared/ItemList';
import { ListEmpty } from '../../shared/ListEmpty';
import { formatDateTime } from '../../shared/time';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { visitBody } from '@manyi/contracts/visits';

const limit = (field: 'peakMoment' | 'endMoment' | 'comment') => textLimits(visitBody, field).max;

/** The visit card's element id, for "go to the return visit" links on the same page. */
export const visitPanelId = 'ticket-visit';

function scrollToVisit() {
  document.getElementById(visitPanelId)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/**
 * Why there is no "close" button on a resolved ticket, or why closing was refused
 * (return_visit_required): the owner's confirmation in a 回访 comes first, and the button leads there.
 */
export function VisitRequiredNotice({ canVisit }: { canVisit: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('serviceDesk.visit.required')}
      action={
        canVisit ? (
          <Button size="small" onClick={scrollToVisit} data-testid="visit-required-go">
            {t('serviceDesk.visit.goToVisit')}
          </Button>
        ) : null
      }
      data-testid="visit-required"
    />
  );
}

type VisitForm = {
  method: 'phone' | 'visit';
  outcome: VisitOutcome;
  csat?: number;
  peakMoment?: string;
  peakRating?: number;
  endMoment?: string;
  endRating?: number;
  comment?: string;
};

/**
 * 回访 on the phone or at the door. A confirmed visit carries the owner's rating and the two
 * moments the peak-end rule says they remember; "no answer" is recorded but never counted as satisfied.
 */
export function VisitForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitForm>();
  const record = useRecordVisit(ticketId);
  const outcome = Form.useWatch('outcome', form);
  const comment = Form.useWatch('comment', form) ?? '';

  const submit = useSaveForm(form, {
    save: (values) => {
      const input: VisitInput = {
        method: values.method,
        outcome: values.outcome,
        csat: values.outcome === 'confirmed' ? (values.csat ?? null) : null,
        peakMoment: values.peakMoment?.trim() || null,
        endMoment: values.endMoment?.trim() || null,
        peakRating: values.outcome === 'confirmed' && values.peakRating ? values.peakRating : null,
        endRating: values.outcome === 'confirmed' && values.endRating ? values.endRating : null,
        comment: values.comment?.trim() ?? '',
      };
      return record.mutateAsync(input);
    },
    onSaved: () => form.resetFields(),
  });

  return (
    <Form<VisitForm> form={form} layout="vertical" initialValues={{ method: 'phone', outcome: 'confirmed' }} data-testid="visit-form">
      <Flex gap={24} wrap>
        <Form.Item name="method" label={t('serviceDesk.visit.method')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'phone', label: t('serviceDesk.visit.methods.phone') },
              { value: 'visit', label: t('serviceDesk.visit.methods.visit') },
            ]}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('serviceDesk.visit.outcome')}>
          <Radio.Group
            optionType="button"
            options={(['confirmed', 'rejected', 'no_answer'] as const).map((value) => ({ value, label: t(`serviceDesk.visit.outcomes.${value}`) }))}
            data-testid="visit-outcome"
          />
        </Form.Item>
      </Flex>
      {outcome === 'confirmed' ? (
        <>
          <Form.Item name="csat" label={t('serviceDesk.visit.csat')} rules={[{ required: true, message: t('serviceDesk.visit.csatRequired') }]}>
            <Rate data-testid="visit-csat" />
          </Form.Item>
          <Form.Item name="peakMoment" label={t('serviceDesk.visit.peak')} rules={[{ max: limit('peakMoment') }]}>
            <Input placeholder={t('serviceDesk.visit.peakPlaceholder')} data-testid="visit-peak" />
          </Form.Item>
          <Form.Item name="peakRating" label={t('serviceDesk.visit.peakRating')}>
            <Rate data-testid="visit-peak-rating" />
          </Form.Item>
          <Form.Item name="endMoment" label={t('serviceDesk.visit.end')} rules={[{ max: limit('endMoment') }]}>
            <Input placeholder={t('serviceDesk.visit.endPlaceholder')} data-testid="visit-end" />
          </Form.Item>
          <Form.Item name="endRating" label={t('serviceDesk.visit.endRating')}>
            <Rate data-testid="visit-end-rating" />
          </Form.Item>
        </>
      ) : null}
      {outcome === 'no_answer' ? <Alert type="warning" showIcon title={t('serviceDesk.visit.noAnswerHint')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="comment"
        label={t('serviceDesk.visit.comment')}
        rules={[
          { max: limit('comment') },
          ...(outcome === 'rejected' ? [{ required: true, whitespace: true, message: t('serviceDesk.visit.rejectReason') }] : []),
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="visit-comment" />
      </Form.Item>
      {/* The remark is on the owner's ticket page: the red-line check while typing (issue 17); the owner's quoted words do not count. */}
      <div style={{ marginBottom: 16 }}>
        <RedLineHint text={comment} enabled onTakeRewrite={(rewrite) => form.setFieldValue('comment', rewrite)} />
      </div>
      <Button type="primary" onClick={() => void submit()} loading={record.isPending} data-testid="visit-submit">
        {t('serviceDesk.visit.submit')}
      </Button>
    </Form>
  );
}

export function VisitHistory({ visits }: { visits: ReturnVisit[] }) {
  const { t } = useTranslation();
  return (
    <ItemList
      items={visits}
      rowKey={(visit) => visit.id}
      empty={<ListEmpty description={t('serviceDesk.visit.none')} />}
      testId="visit-history"
      renderItem={(visit) => (
        <Flex vertical gap={2} style={{ padding: '8px 4px' }} data-testid="visit-entry">
          <Flex justify="space-between" wrap gap={4}>
            <Typography.Text strong>
              {t(`serviceDesk.visit.outcomes.${visit.outcome}`)} · {t(`serviceDesk.visit.methods.${visit.method}`)}
            </Typography.Text>
            {visit.csat !== null ? <Rate disabled value={visit.csat} style={{ fontSize: 14 }} data-testid="visit-rating" data-csat={visit.csat} /> : null}
          </Flex>
          {visit.peakMoment ? (
            <Typography.Text>
              {t('serviceDesk.visit.peak')}:{visit.peakMoment}
            </Typography.Text>
          ) : null}
          {visit.endMoment ? (
            <Typography.Text>
              {t('serviceDesk.visit.end')}:{visit.endMoment}
            </Typography.Text>
          ) : null}
          {visit.comment ? <Typography.Text type="secondary">{visit.comment}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(visit.at)} · {visit.visitorName}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}
