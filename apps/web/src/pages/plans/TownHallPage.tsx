import { staffPosts } from '@manyi/core';
import { Alert, Col, Empty, Progress, Row, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useTownHall } from '../../api/plans';
import { errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { stateColors } from './ActionsTab';

const big = { fontSize: 22, lineHeight: 1.6 } as const;

/**
 * 城镇会议 on the projector (seed 001: 组员展示并介绍，领导、老师参与并点评): every team's targets and
 * actions with their progress, large type on a dark background, refreshed while the meeting runs.
 */
export function TownHallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const view = useTownHall(id);
  if (view.isPending) return <Spin style={{ margin: 48 }} />;
  if (view.isError) return <Alert type="error" message={errorMessage(view.error, t('common.loadFailed'))} />;
  const { meeting, teams } = view.data;
  return (
    <div style={{ minHeight: '100vh', background: '#0b1f33', color: '#fff', padding: 32 }} data-testid="town-hall">
      <h1 style={{ color: '#fff', fontSize: 40, margin: 0 }}>
        {meeting.title} · {meeting.projectName}
      </h1>
      <div style={{ ...big, opacity: 0.7, marginBottom: 24 }}>{meeting.heldOn}</div>
      {teams.length === 0 ? <Empty description={<span style={{ color: '#fff' }}>{t('plans.townHallEmpty')}</span>} /> : null}
      <Row gutter={[24, 24]}>
        {teams.map((team) => (
          <Col key={team.post ?? 'project'} xs={24} lg={12} xl={8}>
            <div style={{ background: '#13314f', borderRadius: 12, padding: 24, height: '100%' }} data-testid="town-hall-team">
              <div style={{ fontSize: 30, fontWeight: 600 }}>{team.post ? label(staffPosts, team.post) : t('plans.wholeProject')}</div>
              <Progress
                percent={Math.round((team.progress.share ?? 0) * 100)}
                strokeWidth={16}
                format={() => (
                  <span style={{ color: '#fff', fontSize: 20 }}>{t('plans.teamProgress', { done: team.progress.done, total: team.progress.total })}</span>
                )}
              />
              {team.progress.overdue > 0 ? <Tag color="red">{t('plans.overdueCount', { count: team.progress.overdue })}</Tag> : null}
              {team.targets.map((target) => (
                <div key={target.id} style={big}>
                  <Tag color="geekblue" style={{ fontSize: 18, padding: '2px 8px' }}>
                    {t('plans.target')}
                  </Tag>
                  {t(`plans.metrics.${target.metric}`)} {target.value}
                  {target.actual !== null ? `（${t('plans.actual')} ${target.actual}）` : ''}
                </div>
              ))}
              {team.actions.map((action) => (
                <div key={action.id} style={big} data-testid="town-hall-action">
                  <Tag color={stateColors[action.state]} style={{ fontSize: 18, padding: '2px 8px' }}>
                    {t(`plans.states.${action.state}`)}
                  </Tag>
                  {action.title} · {action.ownerName ?? t('plans.unclaimed')}
                </div>
              ))}
            </div>
          </Col>
        ))}
      </Row>
      {meeting.orid.decisional || meeting.wrapUp.action ? (
        <div style={{ ...big, marginTop: 32, background: '#13314f', borderRadius: 12, padding: 24 }} data-testid="town-hall-decisions">
          {meeting.orid.decisional ? (
            <div>
              {t('plans.oridLevels.decisional')}：{meeting.orid.decisional}
            </div>
          ) : null}
          {meeting.wrapUp.action ? (
            <div>
              {t('plans.oneAction')}：{meeting.wrapUp.action}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
