import { discStyles } from '@manyi/core';
import { Card, Col, Empty, Flex, Progress, Row, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAbility } from '../../api/auth';
import { useCourses, useDrills, type CourseSummary } from '../../api/training';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { LearningRecordView } from './LearningRecordView';
import { PracticeTab } from './PracticeTab';
import { TeamProgressTab } from './TeamProgressTab';

function courseState(course: CourseSummary) {
  if (course.progress.completed) return { key: 'completed', colour: 'green' } as const;
  if (course.progress.lessonsDone > 0 || course.progress.bestScore !== null) return { key: 'inProgress', colour: 'blue' } as const;
  return { key: 'notStarted', colour: 'default' } as const;
}

function CourseCards() {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const courses = useCourses();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <ListState isPending={courses.isPending} error={courses.error} refetch={courses.refetch}>
      {courses.data?.items.length === 0 ? <Empty description={t('training.emptyCourses')} /> : null}
      <Row gutter={[16, 16]}>
        {courses.data?.items.map((course) => {
          const state = courseState(course);
          const share = Math.round((100 * course.progress.lessonsDone) / Math.max(1, course.lessonCount));
          return (
            <Col key={course.key} xs={24} md={12} xl={8}>
              <Link to={`/training/courses/${encodeURIComponent(course.key)}`} data-testid={`course-${course.key}`}>
                <Card hoverable title={text(course.title)} extra={<Tag color={state.colour}>{t(`training.${state.key}`)}</Tag>}>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
                    {text(course.summary)}
                  </Typography.Paragraph>
                  <Flex wrap gap={6} style={{ marginBottom: 8 }}>
                    <Tag>{course.builtIn ? t('training.builtIn') : t('training.custom')}</Tag>
                    <Tag>{t('training.lessons', { count: course.lessonCount })}</Tag>
                    <Tag>{t('training.minutes', { count: course.minutes })}</Tag>
                    {course.progress.bestScore !== null ? <Tag color="gold">{t('training.bestScore', { score: course.progress.bestScore })}</Tag> : null}
                    {course.dueOn && !course.progress.completed ? (
                      <Tag color={course.dueOn < today ? 'red' : 'orange'}>
                        {course.dueOn < today ? t('training.overdue') : t('training.due', { date: course.dueOn })}
                      </Tag>
                    ) : null}
                  </Flex>
                  <Progress percent={course.progress.completed ? 100 : share} size="small" />
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
    </ListState>
  );
}

function DrillCards() {
  const { t } = useTranslation();
  const { text, label } = useVocabulary();
  const drills = useDrills();
  return (
    <ListState isPending={drills.isPending} error={drills.error} refetch={drills.refetch}>
      <Typography.Paragraph type="secondary">{t('drill.listHint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {drills.data?.items.map((drill) => (
          <Col key={drill.key} xs={24} md={12} xl={8}>
            <Link to={`/training/drills/${drill.key}`} data-testid={`drill-${drill.key}`}>
              <Card
                hoverable
                title={text(drill.title)}
                extra={drill.bestScore !== null ? <Tag color={drill.bestScore >= 60 ? 'green' : 'orange'}>{drill.bestScore}</Tag> : null}
              >
                <Flex wrap gap={6}>
                  <Tag>{drill.source}</Tag>
                  <Tag color="purple">{label(discStyles, drill.ownerStyle)}</Tag>
                  {drill.attempts > 0 ? <Tag>{t('drill.attempts', { count: drill.attempts })}</Tag> : null}
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </ListState>
  );
}

/** 培训学院: courses on the method, case drills, script practice, one's learning record and, for managers, the team's progress. */
export function TrainingPage() {
  const { t } = useTranslation();
  const manages = useAbility('training.manage');
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'courses';
  const items = [
    { key: 'courses', label: t('training.tabs.courses'), children: <CourseCards /> },
    { key: 'drills', label: t('training.tabs.drills'), children: <DrillCards /> },
    { key: 'practice', label: t('training.tabs.practice'), children: <PracticeTab /> },
    { key: 'record', label: t('training.tabs.record'), children: <LearningRecordView /> },
    ...(manages ? [{ key: 'team', label: t('training.tabs.team'), children: <TeamProgressTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('training.title')} />
      <Typography.Paragraph type="secondary">{t('training.intro')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(key) => setSearch({ tab: key }, { replace: true })} items={items} destroyOnHidden />
    </>
  );
}
