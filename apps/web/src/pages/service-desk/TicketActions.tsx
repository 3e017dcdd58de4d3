import { ticketActions, type TicketAction } from '@manyi/core';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/problem';
import type { TicketDetail } from '../../api/ticket-types';
import {
  statusGroups,
  ticketKey,
  useGrabTicket,
  useHandoverAnswer,
  useRequestHandover,
  useTicketAction,
  useTickets,
  type TicketCommand,
} from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { useSaveForm } from '../../shared/useSaveForm';
import { FieldRedLineHint } from '../text-qa/FieldRedLineHint';
import { StaffPicker } from './StaffPicker';
import { VisitRequiredNotice } from './VisitPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { useCategoryNeedsPhoto } from '../field-work/category-photo';

/** Actions that need more than a click; the rest run at once. `visit` has its own form below. */
type FormAction = 'assign' | 'hold' | 'cancel' | 'reopen' | 'merge' | 'handover' | 'resolve';
// 办结 asks what was done (and a photo where the category needs one), as the server requires.
const formActions: readonly string[] = ['assign', 'hold', 'cancel', 'reopen', 'merge', 'resolve'];

type ActionForm = {
  assigneeId?: string;
  reason?: string;
  resumeAt?: Dayjs;
  reopenReason?: 'owner_rejected' | 'recurred';
  note?: string;
  intoTicketId?: string;
};

function MergeTargetPicker({ ticket, value, onChange }: { ticket: TicketDetail; value?: string; onChange?: (value: string) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const list = useTickets({ projectId: ticket.projectId, status: statusGroups.open.join(','), q });
  const options = list.items.filter((item) => item.id !== ticket.id).map((item) => ({ value: item.id, label: `${item.number} · ${item.title}` }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      data-testid="action-merge-target"
    />
  );
}

/** The buttons of the status machine the server says this user may press now, with the forms some need. */
export function TicketActions({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const message = useMessage();
  const [form] = Form.useForm<ActionForm>();
  const [open, setOpen] = useState<FormAction | null>(null);
  const act = useTicketAction(ticket.id);
  const grab = useGrabTicket(ticket.id);
  const answer = useHandoverAnswer(ticket.id);
  const handover = useRequestHandover(ticket.id);
  const queryClient = useQueryClient();
  const [visitRefused, setVisitRefused] = useState(false);
  const needsPhoto = useCategoryNeedsPhoto(ticket.categoryCode);

  const run = async (command: TicketCommand) => {
    await act.mutateAsync({ ...command, version: ticket.version });
    void message.success(t('serviceDesk.actions.done', { action: label(ticketActions, command.action) }));
  };
  const runSafely = (work: () => Promise<unknown>) =>
    void work().catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'return_visit_required') {
        // Not a failure to retry: the page was out of date. Reload it so the visit form shows, and say where to go.
        setVisitRefused(true);
        void queryClient.invalidateQueries({ queryKey: ticketKey(ticket.id) });
        return;
      }
      void message.error(errorMessage(error, t('common.requestFailed')));
    });

  const submit = useSaveForm(form, {
    save: async (values) => {
      if (open === 'handover') return handover.mutateAsync({ toStaffId: values.assigneeId ?? '', note: values.note?.trim() || undefined });
      if (open === 'assign') return run({ action: 'assign', assigneeId: values.assigneeId ?? '', note: values.note?.trim() || undefined });
      if (open === 'hold') return run({ action: 'hold', reason: values.reason?.trim() ?? '', resumeAt: values.resumeAt?.toISOString() ?? '' });
      if (open === 'cancel') return run({ action: 'cancel', reason: values.reason?.trim() ?? '' });
      if (open === 'resolve') return run({ action: 'resolve', note: values.note?.trim() ?? '' });
      if (open === 'reopen') return run({ action: 'reopen', reason: values.reopenReason ?? 'recurred', note: values.note?.trim() ?? '' });
      return run({ action: 'merge', intoTicketId: values.intoTicketId ?? '', note: values.note?.trim() || undefined });
    },
    successMessage: open === 'handover' ? t('serviceDesk.actions.handoverSent') : t('common.saved'),
    onSaved: () => setOpen(null),
  });

  const openForm = (action: FormAction) => {
    form.resetFields();
    form.setFieldsValue({ reopenReason: 'recurred', resumeAt: dayjs().add(1, 'day').hour(9).minute(0).second(0) });
    setOpen(action);
  };

  const buttons = ticket.availableActions.filter((action): action is Exclude<TicketAction, 'visit'> => action !== 'visit');
  const primary: readonly TicketAction[] = ['accept', 'start', 'resolve', 'close'];
  const finished = ['closed', 'cancelled', 'merged'].includes(ticket.status);
  // Visit and close are allowed to the same roles (core actionRoles), so a resolved ticket this
  // person may visit but not close is one that owes a return visit before it can close.
  const canVisit = ticket.availableActions.includes('visit');
  const visitOwed = ticket.status === 'resolved' && ((canVisit && !ticket.availableActions.includes('close')) || visitRefused);

  return (
    <Flex vertical gap={12}>
      <Space wrap data-testid="ticket-actions">
        {ticket.canAcceptHandover ? (
          <>
            <Button type="primary" onClick={() => runSafely(() => answer.mutateAsync(true))} loading={answer.isPending} data-testid="handover-accept">
              {t('serviceDesk.actions.acceptHandover')}
            </Button>
            <Button onClick={() => runSafely(() => answer.mutateAsync(false))} data-testid="handover-decline">
              {t('serviceDesk.actions.declineHandover')}
            </Button>
          </>
        ) : null}
        {ticket.canGrab ? (
          <Button type="primary" onClick={() => runSafely(() => grab.mutateAsync())} loading={grab.isPending} data-testid="ticket-grab">
            {t('serviceDesk.actions.grab')}
          </Button>
        ) : null}
        {buttons.map((action) => (
          <Button
            key={action}
            type={primary.includes(action) ? 'primary' : 'default'}
            danger={action === 'cancel'}
            loading={act.isPending && act.variables?.action === action}
            onClick={() => (formActions.includes(action) ? openForm(action as FormAction) : runSafely(() => run({ action } as TicketCommand)))}
            data-testid={`action-${action}`}
          >
            {label(ticketActions, action)}
          </Button>
        ))}
        {finished ? null : (
          <Button onClick={() => openForm('handover')} data-testid="action-handover">
            {t('serviceDesk.actions.handover')}
          </Button>
        )}
      </Space>
      <Modal
        open={open !== null}
        title={open === 'handover' ? t('serviceDesk.actions.handover') : open ? label(ticketActions, open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        confirmLoading={act.isPending || handover.isPending}
        okButtonProps={{ 'data-testid': 'action-confirm' } as Record<`data-${string}`, string>}
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="action-form">
          {open === 'assign' || open === 'handover' ? (
            <Form.Item
              name="assigneeId"
              label={open === 'assign' ? t('serviceDesk.actions.assignTo') : t('serviceDesk.actions.handoverTo')}
              rules={[{ required: true }]}
            >
              <StaffPicker projectId={ticket.projectId} testId="action-assignee" />
            </Form.Item>
          ) : null}
          {open === 'hold' ? (
            <>
              <Form.Item
                name="reason"
                label={t('serviceDesk.actions.holdReason')}
                rules={[{ required: true, whitespace: true, max: 500 }]}
                extra={t('serviceDesk.actions.holdHint')}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} data-testid="action-reason" />
              </Form.Item>
              <Form.Item name="resumeAt" label={t('serviceDesk.actions.resumeAt')} rules={[{ required: true }]}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(date) => date.isBefore(dayjs().startOf('day'))}
                  data-testid="action-resume-at"
                />
              </Form.Item>
            </>
          ) : null}
          {open === 'cancel' ? (
            <Form.Item name="reason" label={t('serviceDesk.actions.cancelReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="action-reason" />
            </Form.Item>
          ) : null}
          {open === 'reopen' ? (
            <Form.Item name="reopenReason" label={t('serviceDesk.actions.reopenReason')}>
              <Radio.Group
                options={(['recurred', 'owner_rejected'] as const).map((value) => ({ value, label: t(`serviceDesk.actions.reopenReasons.${value}`) }))}
              />
            </Form.Item>
          ) : null}
          {open === 'merge' ? (
            <Form.Item name="intoTicketId" label={t('serviceDesk.actions.mergeInto')} rules={[{ required: true }]}>
              <MergeTargetPicker ticket={ticket} />
            </Form.Item>
          ) : null}
          {open && open !== 'hold' && open !== 'cancel' ? (
            <Form.Item
              name="note"
              label={
                open === 'reopen' ? t('serviceDesk.actions.reopenNote') : open === 'resolve' ? t('fieldWork.resolve.result') : t('serviceDesk.actions.note')
              }
              rules={[{ required: open === 'reopen' || open === 'resolve', whitespace: true, max: 2000 }]}
              extra={open === 'resolve' ? t('fieldWork.resolve.resultHint') : undefined}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="action-note" />
            </Form.Item>
          ) : null}
          {/* The note and reason are on the owner's progress page: the red-line check while typing (issue 17). */}
          {open && open !== 'handover' ? (
            <>
              <FieldRedLineHint name="note" />
              <FieldRedLineHint name="reason" />
            </>
          ) : null}
          {open === 'resolve' && needsPhoto ? (
            <Form.Item label={t('fieldWork.resolve.photo')} extra={t('fieldWork.resolve.photoHint')} required>
              <AttachmentsPanel ticketId={ticket.id} attachments={ticket.attachments} readOnly={false} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
      {visitOwed ? <VisitRequiredNotice canVisit={canVisit} /> : null}
    </Flex>
  );
}
