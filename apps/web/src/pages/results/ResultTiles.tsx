import type { NpsChange, RateChange } from '@manyi/core';
import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignResults } from '../../api/results';

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** "较上轮 +5.2 pt (显著)" as a green/red tag when significant, grey otherwise. */
export function ChangeTag({ change, unit, testId }: { change: RateChange | NpsChange | null | undefined; unit: 'rate' | 'points'; testId?: string }) {
  const { t } = useTranslation();
  if (!change) return null;
  const points = unit === 'rate' ? change.difference * 100 : change.difference;
  const value = `${points >= 0 ? '+' : ''}${points.toFixed(1)}${unit === 'rate' ? ' pt' : ''}`;
  const colour = !change.significant ? 'default' : points >= 0 ? 'success' : 'error';
  return (
    <Tooltip title={`p = ${change.pValue.toFixed(4)}`}>
      <Tag color={colour} data-testid={testId} data-significant={change.significant}>
        {t(change.significant ? 'results.change.significant' : 'results.change.notSignificant', { value })}
      </Tag>
    </Tooltip>
  );
}

function Tile({ title, value, footer, testId }: { title: string; value: string; footer?: ReactNode; testId: string }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} data-testid={testId} />
        <div style={{ minHeight: 22, marginTop: 4 }}>{footer}</div>
      </Card>
    </Col>
  );
}

/** Answers below which a margin of error is not shown (the Wald interval's usual rule of thumb, n ≥ 30). */
const minimumSample = 30;

/** The headline figures with their bases and the change against the previous wave. */
export function ResultTiles({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const { analysis, responseRates, previous } = results;
  const nps = analysis.nps;
  const satisfactionValid = analysis.overall?.satisfactionRate?.valid ?? 0;
  return (
    <Row gutter={[12, 12]}>
      <Tile title={t('results.tiles.responses')} value={String(analysis.responses)} testId="results-responses" />
      <Tile
        title={t('results.tiles.responseRate')}
        value={percent(responseRates.total.responseRate)}
        testId="results-response-rate"
        footer={<Typography.Text type="secondary">{t('results.tiles.invited', { count: responseRates.total.invited })}</Typography.Text>}
      />
      <Tile
        title={t('results.tiles.satisfaction')}
        value={percent(analysis.overall?.satisfactionRate?.rate)}
        testId="results-satisfaction"
        footer={
          <>
            {satisfactionValid > 0 && satisfactionValid < minimumSample ? (
              <span style={{ marginRight: 8 }} data-testid="results-satisfaction-few">
                {t('results.tiles.tooFew', { count: satisfactionValid })}
              </span>
            ) : null}
            <ChangeTag change={previous?.comparison.overall} unit="rate" testId="results-satisfaction-change" />
          </>
        }
      />
      <Tile
        title={t('results.tiles.nps')}
        value={fixed(nps?.score)}
        testId="results-nps"
        footer={
          <>
            {nps?.wald ? (
              <span style={{ marginRight: 8 }} data-testid="results-nps-margin">
                {/* Below 30 answers the normal approximation says nothing (a single answer gives ±0.0): say so instead. */}
                {nps.valid < minimumSample
                  ? t('results.tiles.tooFew', { count: nps.valid })
                  : t('results.tiles.margin', { value: nps.wald.marginOfError.toFixed(1) })}
              </span>
            ) : null}
            <ChangeTag change={previous?.comparison.nps} unit="points" testId="results-nps-change" />
          </>
        }
      />
      <Tile title={t('results.tiles.index')} value={fixed(analysis.weightedIndex?.index)} testId="results-index" />
      <Tile title={t('results.tiles.gap')} value={fixed(analysis.servqual?.weightedGap ?? analysis.servqual?.totalGap, 2)} testId="results-gap" />
    </Row>
  );
}
