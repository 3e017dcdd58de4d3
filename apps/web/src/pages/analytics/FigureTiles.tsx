import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeFigures, Overview } from '../../api/analytics';
import { fixed, percent, ticketsLink, tooFewAnswers, type FigurePlace } from './format';

function Tile({
  title,
  value,
  footer,
  to,
  testId,
  colour,
}: {
  title: string;
  value: string;
  footer?: ReactNode;
  to?: string | undefined;
  testId: string;
  colour?: string | undefined;
}) {
  const body = (
    <Card size="small" hoverable={Boolean(to)} style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} value={value} styles={{ content: { color: colour, fontWeight: 600 } }} />
      <div style={{ minHeight: 20, marginTop: 2 }}>
        {footer ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {footer}
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
  return (
    <Col xs={12} md={8} xl={6} xxl={4}>
      {to ? <Link to={to}>{body}</Link> : body}
    </Col>
  );
}

type FigureTilesProps = {
  figures: HomeFigures;
  /** Where the figures stand (project, building, month): the ticket links open that list (no project: every project in the caller's scope). */
  place: FigurePlace;
  campaignId?: string | undefined;
  weightedIndex?: number | null | undefined;
  conversion?: Overview['detractorConversion'] | undefined;
};

/** The home's figures, each with its base and a link to the records behind it. */
export function FigureTiles({ figures, place, campaignId, weightedIndex, conversion }: FigureTilesProps) {
  const projectId = place.projectId ?? undefined;
  const { t } = useTranslation();
  const results = campaignId ? `/campaigns/${campaignId}/results${projectId ? `?projectId=${projectId}` : ''}` : undefined;
  const npsAnswers = figures.nps.promoters + figures.nps.passives + figures.nps.detractors;
  const band = tooFewAnswers(npsAnswers)
    ? t('analytics.tooFew', { count: npsAnswers })
    : figures.nps.lower === null || figures.nps.upper === null
      ? undefined
      : t('analytics.band', { lower: fixed(figures.nps.lower), upper: fixed(figures.nps.upper) });
  return (
    <Row gutter={[12, 12]}>
      <Tile
        title={t('analytics.figures.satisfaction')}
        value={percent(figures.satisfaction.rate)}
        footer={
          tooFewAnswers(figures.satisfaction.base)
            ? t('analytics.tooFew', { count: figures.satisfaction.base })
            : t('analytics.base', { count: figures.satisfaction.base })
        }
        to={results}
        testId="figure-satisfaction"
      />
      {weightedIndex !== undefined ? (
        <Tile title={t('analytics.figures.index')} value={fixed(weightedIndex)} footer={t('analytics.indexHint')} to={results} testId="figure-index" />
      ) : null}
      <Tile title={t('analytics.figures.nps')} value={fixed(figures.nps.score)} footer={band} to={results} testId="figure-nps" />
      <Tile
        title={t('analytics.figures.sla')}
        value={percent(figures.sla.rate)}
        footer={t('analytics.slaBase', { met: figures.sla.met, judged: figures.sla.judged, overdue: figures.sla.overdueNow })}
        to={ticketsLink(place, { overdue: true })}
        testId="figure-sla"
      />
      <Tile
        title={t('analytics.figures.overdue')}
        value={String(figures.overdue)}
        colour={figures.overdue ? '#f5222d' : undefined}
        footer={t('analytics.dueToday', { count: figures.dueToday })}
        to={ticketsLink(place, { overdue: true })}
        testId="figure-overdue"
      />
      <Tile
        title={t('analytics.figures.complaints')}
        value={fixed(figures.complaints.per1000, 2)}
        footer={t('analytics.complaintsBase', { count: figures.complaints.count, households: figures.complaints.households })}
        to={ticketsLink(place, { type: 'complaint', ofMonth: true })}
        testId="figure-complaints"
      />
      <Tile
        title={t('analytics.figures.repeat')}
        value={percent(figures.repeatComplaints.rate)}
        footer={t('analytics.ofComplaints', { count: figures.repeatComplaints.count, base: figures.repeatComplaints.base })}
        to={ticketsLink(place, { type: 'complaint', repeat: true, ofMonth: true })}
        testId="figure-repeat"
      />
      {conversion !== undefined ? (
        <Tile
          title={t('analytics.figures.conversion')}
          value={percent(conversion?.rate)}
          footer={
            conversion
              ? t('analytics.conversionBase', { converted: conversion.converted, previous: conversion.previousDetractors })
              : t('analytics.noPreviousWave')
          }
          to="/survey-followups"
          testId="figure-conversion"
        />
      ) : null}
      <Tile
        title={t('analytics.figures.visits')}
        value={percent(figures.visits.rate)}
        footer={t('analytics.base', { count: figures.visits.base })}
        to={ticketsLink(place, { ratedInMonth: true })}
        testId="figure-visits"
      />
      <Tile
        title={t('analytics.figures.fee')}
        value={percent(figures.feeCollection.rate)}
        footer={
          figures.feeCollection.rate === null
            ? t('analytics.noFee')
            : t('analytics.feeBase', { received: Math.round(figures.feeCollection.received), receivable: Math.round(figures.feeCollection.receivable) })
        }
        to="/analytics?tab=fees"
        testId="figure-fee"
      />
      <Tile
        title={t('analytics.figures.referrals')}
        value={String(figures.referrals)}
        to={ticketsLink(place, { channel: 'gov_12345', ofMonth: true })}
        testId="figure-referrals"
      />
    </Row>
  );
}
