import { ticketStatuses } from '@manyi/core';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useOpenSurvey, useOwnerStewards, useOwnerSurveys, usePraise, type OwnerSteward } from '../api/owner-home';
import { useOwnerTickets } from '../api/owner-tickets';
import { errorMessage } from '../api/problem';
import { useVocabulary } from '../i18n/vocabulary';
import { formatDateTime } from '../shared/time';
import { OwnerCard } from './OwnerCard';
import { Icon } from './icons';
import { useOwnerTexts } from './texts';
import { Avatar, Button, Flex, Tag, Text, TextArea, useToast } from './ui';

const finished = ['closed', 'cancelled', 'merged', 'visited'];

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Text strong style={{ fontSize: 16 }}>
      {children}
    </Text>
  );
}

/** 我的工单 still open, the household's included (issue 15 §5), newest first. */
export function OwnerOpenTickets() {
  const t = useOwnerTexts();
  const navigate = useNavigate();
  const { label } = useVocabulary();
  const tickets = useOwnerTickets();
  const open = tickets.items.filter((ticket) => !finished.includes(ticket.status)).slice(0, 3);
  if (tickets.isPending || open.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="owner-open-tickets">
      <SectionTitle>{t('ownerHome.openTickets')}</SectionTitle>
      {open.map((ticket) => (
        <OwnerCard
          key={ticket.id}
          padding={14}
          onClick={() => void navigate(`/h5/tickets/${ticket.id}`)}
          style={{ cursor: 'pointer' }}
          data-testid="owner-open-ticket"
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Text strong style={{ fontSize: 15, minWidth: 0 }} ellipsis>
              {ticket.title}
            </Text>
            <Tag color="processing" style={{ marginInlineEnd: 0 }}>
              {label(ticketStatuses, ticket.status)}
            </Tag>
          </Flex>
          <Text type="secondary" style={{ fontSize: 13 }}>
            {[ticket.householdLabel, formatDateTime(ticket.reportedAt)].filter(Boolean).join(' · ')}
          </Text>
        </OwnerCard>
      ))}
    </Flex>
  );
}

/** 我的调查: the household's own invitations; an open one goes to the answering page with a fresh link. */
export function OwnerSurveysSection() {
  const t = useOwnerTexts();
  const toast = useToast();
  const surveys = useOwnerSurveys();
  const open = useOpenSurvey();
  const items = surveys.data?.items ?? [];
  return (
    <Flex vertical gap={8} data-testid="owner-surveys">
      <SectionTitle>{t('ownerHome.surveys')}</SectionTitle>
      {items.length === 0 ? (
        <OwnerCard padding={14}>
          <Text type="secondary">{surveys.isPending ? t('ownerHome.loading') : t('ownerHome.noSurveys')}</Text>
        </OwnerCard>
      ) : (
        items.map((survey) => (
          <OwnerCard key={survey.invitationId} padding={14} data-testid="owner-survey">
            <Flex justify="space-between" align="center" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Text strong block style={{ fontSize: 15 }}>
                  {survey.campaignName}
                </Text>
                <Text type="secondary" style={{ fontSize: 13 }}>
                  {survey.householdLabel}
                  {survey.closesAt ? ` · ${t('ownerHome.closesAt', { at: formatDateTime(survey.closesAt) })}` : ''}
                </Text>
              </div>
              {survey.canAnswer ? (
                <Button
                  type="primary"
                  size="large"
                  loading={open.isPending && open.variables === survey.invitationId}
                  onClick={() =>
                    open.mutate(survey.invitationId, {
                      onSuccess: ({ answerToken }) => window.location.assign(`/s/${answerToken}`),
                      onError: (error) => toast.error(errorMessage(error, t('owner.requestFailed'))),
                    })
                  }
                  data-testid="owner-survey-answer"
                >
                  {survey.status === 'partial' ? t('ownerHome.continue') : t('ownerHome.answer')}
                </Button>
              ) : (
                <Tag style={{ marginInlineEnd: 0 }}>{survey.status === 'completed' ? t('ownerHome.answered') : t('ownerHome.closed')}</Tag>
              )}
            </Flex>
          </OwnerCard>
        ))
      )}
    </Flex>
  );
}

function PraiseForm({ steward, onDone }: { steward: OwnerSteward; onDone: () => void }) {
  const t = useOwnerTexts();
  const toast = useToast();
  const praise = usePraise();
  const [text, setText] = useState('');
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }}>
      <TextArea
        value={text}
        onChange={setText}
        maxLength={500}
        rows={2}
        placeholder={t('ownerHome.praisePlaceholder', { name: steward.name })}
        data-testid="owner-praise-text"
      />
      <Button
        type="primary"
        size="large"
        block
        disabled={text.trim().length < 2}
        loading={praise.isPending}
        onClick={() =>
          praise.mutate(
            { staffId: steward.id, text: text.trim() },
            {
              onSuccess: () => {
                toast.success(t('ownerHome.praised'));
                onDone();
              },
              onError: (error) => toast.error(errorMessage(error, t('owner.requestFailed'))),
            },
          )
        }
        data-testid="owner-praise-send"
      >
        {t('ownerHome.praiseSend')}
      </Button>
    </Flex>
  );
}

/** 我的管家: who looks after my home, how to reach them and when; praise them from here. */
export function OwnerStewardSection() {
  const t = useOwnerTexts();
  const stewards = useOwnerStewards();
  const [praising, setPraising] = useState<string | null>(null);
  const items = stewards.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="owner-stewards">
      <SectionTitle>{t('ownerHome.steward')}</SectionTitle>
      {items.map((steward) => (
        <OwnerCard key={steward.id} padding={16} data-testid="owner-steward">
          <Flex align="center" gap={12}>
            <Avatar size={56} src={steward.photoUrl} fallback={<Icon name="user" />} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text strong block style={{ fontSize: 17 }} data-testid="owner-steward-name">
                {steward.name}
              </Text>
              <Text type="secondary" block style={{ fontSize: 13 }}>
                {steward.workingHours ? t('ownerHome.hours', { hours: steward.workingHours }) : t('ownerHome.noHours')}
              </Text>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {steward.households.join('、')}
              </Text>
            </div>
          </Flex>
          <Flex gap={8} style={{ marginTop: 12 }}>
            {steward.phone ? (
              <Button size="large" icon={<Icon name="phone" />} href={`tel:${steward.phone}`} style={{ flex: 1 }} data-testid="owner-steward-call">
                {steward.phone}
              </Button>
            ) : null}
            <Button size="large" style={{ flex: 1 }} onClick={() => setPraising(praising === steward.id ? null : steward.id)} data-testid="owner-praise">
              {t('ownerHome.praise')}
            </Button>
          </Flex>
          {praising === steward.id ? <PraiseForm steward={steward} onDone={() => setPraising(null)} /> : null}
        </OwnerCard>
      ))}
    </Flex>
  );
}
