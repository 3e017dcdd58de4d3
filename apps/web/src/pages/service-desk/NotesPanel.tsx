import type { TicketType } from '@manyi/core';
import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useAddNote, useCannedReplies } from '../../api/tickets';
import { useMessage } from '../../shared/MessageProvider';
import { textLimits } from '@manyi/contracts/limits';
import { noteBody } from '@manyi/contracts/tickets';
import { RedLineHint } from '../text-qa/RedLineHint';
import { DiscTip, ScriptPicker } from '../text-qa/ScriptPicker';

/**
 * An internal note, or an owner-visible progress update (进度告知, which resets the update clock).
 * Canned replies (话术) in the warm register of seed 001 start the text; the handler adapts it.
 */
export function NotesPanel({ ticketId, ticketType, reporterPersonId }: { ticketId: string; ticketType: TicketType; reporterPersonId?: string | null }) {
  const { t } = useTranslation();
  const message = useMessage();
  const replies = useCannedReplies(ticketType);
  const add = useAddNote(ticketId);
  const [body, setBody] = useState('');
  const [visibleToOwner, setVisibleToOwner] = useState(false);

  const submit = async () => {
    try {
      await add.mutateAsync({ body: body.trim(), visibleToOwner });
      setBody('');
      void message.success(visibleToOwner ? t('serviceDesk.notes.sentToOwner') : t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  return (
    <Flex vertical gap={8} data-testid="notes-panel">
      <DiscTip personId={reporterPersonId} />
      <Flex wrap gap={8}>
        <Select
          placeholder={t('serviceDesk.notes.canned')}
          value={null}
          onChange={(id: string) => {
            const reply = replies.data?.items.find((item) => item.id === id);
            if (reply) setBody(reply.body);
          }}
          options={(replies.data?.items ?? []).map((reply) => ({ value: reply.id, label: reply.title }))}
          loading={replies.isPending}
          style={{ width: 220 }}
          data-testid="notes-canned"
        />
        <ScriptPicker personId={reporterPersonId} onPick={setBody} />
      </Flex>
      <Input.TextArea
        value={body}
        onChange={(event) => setBody(event.target.value)}
        maxLength={textLimits(noteBody, 'body').max}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('serviceDesk.notes.placeholder')}
        data-testid="notes-body"
      />
      {/* What the owner will read is checked against the five red lines as it is typed (issue 17). */}
      <RedLineHint text={body} enabled={visibleToOwner} onTakeRewrite={setBody} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Switch checked={visibleToOwner} onChange={setVisibleToOwner} data-testid="notes-visible" />
          <Typography.Text>{t('serviceDesk.notes.visibleToOwner')}</Typography.Text>
        </Flex>
        <Button type="primary" onClick={() => void submit()} disabled={!body.trim()} loading={add.isPending} data-testid="notes-add">
          {visibleToOwner ? t('serviceDesk.notes.sendUpdate') : t('serviceDesk.notes.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
