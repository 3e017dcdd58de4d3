import { useState } from 'react';
import { useAnswerResolution } from '../../api/owner-tickets';
import { errorMessage } from '../../api/problem';
import { OwnerCard } from '../OwnerCard';
import { useOwnerTexts } from '../texts';
import { Alert, Button, Flex, Input, Rate, Text, TextArea, Title, useToast } from '../ui';

const fieldStyle = { fontSize: 16 };

/**
 * The owner closes the loop: confirm and rate (CSAT, the moment that stood out, how it ended),
 * or say it is not solved, which reopens the ticket with the reason for whoever redoes it.
 */
export function OwnerRatingForm({ ticketId }: { ticketId: string }) {
  const t = useOwnerTexts();
  const toast = useToast();
  const answer = useAnswerResolution(ticketId);
  const [mode, setMode] = useState<'confirm' | 'reject'>('confirm');
  const [csat, setCsat] = useState(0);
  const [peakMoment, setPeakMoment] = useState('');
  const [endMoment, setEndMoment] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const hints = ([1, 2, 3, 4, 5] as const).map((score) => t(`ownerTickets.rating.score${score}`));

  const send = async () => {
    setProblem(null);
    try {
      if (mode === 'confirm') {
        await answer.mutateAsync({ confirm: { csat, peakMoment: peakMoment.trim() || null, endMoment: endMoment.trim() || null, comment: comment.trim() } });
        toast.success(t('ownerTickets.rating.thanks'));
      } else {
        await answer.mutateAsync({ reject: { comment: comment.trim() } });
        toast.success(t('ownerTickets.rating.rejected'));
      }
    } catch (error) {
      setProblem(errorMessage(error, t('owner.requestFailed')));
    }
  };

  return (
    <OwnerCard padding={16} style={{ borderColor: '#91caff' }} data-testid="owner-confirm">
      <Title level={5} style={{ marginTop: 0 }}>
        {t('ownerTickets.rating.title')}
      </Title>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginBottom: 16 }}>
        <Button
          size="large"
          type={mode === 'confirm' ? 'primary' : 'default'}
          onClick={() => setMode('confirm')}
          style={{ height: 48 }}
          data-testid="owner-mode-confirm"
        >
          {t('ownerTickets.rating.solved')}
        </Button>
        <Button
          size="large"
          danger={mode === 'reject'}
          type={mode === 'reject' ? 'primary' : 'default'}
          onClick={() => setMode('reject')}
          style={{ height: 48 }}
          data-testid="owner-mode-reject"
        >
          {t('ownerTickets.rating.notSolved')}
        </Button>
      </div>
      <Flex vertical gap={12}>
        {mode === 'confirm' ? (
          <>
            <div>
              <Text strong>{t('ownerTickets.rating.csat')}</Text>
              <Flex align="center" gap={12} style={{ marginTop: 4 }}>
                <Rate value={csat} onChange={setCsat} labels={hints} size={34} data-testid="owner-csat" />
                <Text type="secondary">{csat > 0 ? hints[csat - 1] : ''}</Text>
              </Flex>
            </div>
            <div>
              <Text strong>{t('ownerTickets.rating.peak')}</Text>
              <Input
                value={peakMoment}
                onChange={setPeakMoment}
                maxLength={200}
                placeholder={t('ownerTickets.rating.peakPlaceholder')}
                style={fieldStyle}
                data-testid="owner-peak"
              />
            </div>
            <div>
              <Text strong>{t('ownerTickets.rating.end')}</Text>
              <Input
                value={endMoment}
                onChange={setEndMoment}
                maxLength={200}
                placeholder={t('ownerTickets.rating.endPlaceholder')}
                style={fieldStyle}
                data-testid="owner-end"
              />
            </div>
          </>
        ) : null}
        <div>
          <Text strong>{mode === 'confirm' ? t('ownerTickets.rating.comment') : t('ownerTickets.rating.rejectReason')}</Text>
          <TextArea value={comment} onChange={setComment} maxLength={2000} rows={3} style={fieldStyle} data-testid="owner-comment" />
        </div>
        {problem ? <Alert type="error" title={problem} /> : null}
        <Button
          type="primary"
          danger={mode === 'reject'}
          size="large"
          block
          disabled={mode === 'confirm' ? csat < 1 : !comment.trim()}
          loading={answer.isPending}
          onClick={() => void send()}
          style={{ height: 52, fontSize: 17 }}
          data-testid="owner-answer-submit"
        >
          {mode === 'confirm' ? t('ownerTickets.rating.submitConfirm') : t('ownerTickets.rating.submitReject')}
        </Button>
      </Flex>
    </OwnerCard>
  );
}
