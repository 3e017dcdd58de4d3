import { ArrowLeftOutlined, CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Collapse, Flex, Form, Progress, Radio, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/problem';
import { useCompleteLesson, useCourse, useTakeQuiz, type CourseDetail, type QuizResult } from '../../api/training';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { useStopwatch } from './stopwatch';

function Quiz({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const take = useTakeQuiz(course.key);
  const elapsed = useStopwatch();
  const [form] = Form.useForm<Record<string, string | string[]>>();
  const [result, setResult] = useState<QuizResult | null>(null);
  const submit = async (values: Record<string, string | string[] | undefined>) => {
    const answers = Object.fromEntries(course.quiz.map((question) => [question.id, [values[question.id] ?? []].flat()]));
    try {
      setResult(await take.mutateAsync({ answers, seconds: elapsed() }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const outcome = new Map(result?.questions.map((question) => [question.id, question]));
  const optionText = (questionId: string, ids: string[]) => {
    const question = course.quiz.find((item) => item.id === questionId);
    return ids.map((id) => text(question?.options.find((option) => option.id === id)?.text ?? { 'zh-CN': id, 'en-US': id })).join('、');
  };
  return (
    <Card title={t('course.quizTitle')} data-testid="quiz">
      <Typography.Paragraph type="secondary">{t('course.quizHint')}</Typography.Paragraph>
      {result ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={result.passed ? 'success' : 'warning'}
          showIcon
          title={`${t('course.score')}: ${result.score}`}
          description={result.passed ? t('course.passed') : t('course.failed')}
          data-testid="quiz-result"
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {course.quiz.map((question, index) => {
          const graded = outcome.get(question.id);
          return (
            <Form.Item
              key={question.id}
              name={question.id}
              rules={[{ required: true, message: t('course.answerAll') }]}
              label={
                <Space>
                  <span>{`${index + 1}. ${text(question.text)}`}</span>
                  {question.multiple ? <Tag>{t('course.multiple')}</Tag> : null}
                </Space>
              }
              extra={
                graded ? (
                  <Space align="start">
                    {graded.correct ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                    <span>
                      {graded.correct ? t('course.right') : t('course.wrong', { answer: optionText(question.id, graded.expected) })} {text(graded.explanation)}
                    </span>
                  </Space>
                ) : null
              }
            >
              {question.multiple ? (
                <Checkbox.Group options={question.options.map((option) => ({ value: option.id, label: text(option.text) }))} />
              ) : (
                <Radio.Group
                  options={question.options.map((option) => ({ value: option.id, label: text(option.text) }))}
                  style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                />
              )}
            </Form.Item>
          );
        })}
        <Button type="primary" htmlType="submit" loading={take.isPending}>
          {t('course.submitQuiz')}
        </Button>
      </Form>
    </Card>
  );
}

/** A course: its lessons, each marked read, then the quiz; progress kept in the learning record. */
export function CoursePage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const course = useCourse(key);
  const complete = useCompleteLesson(key);
  const elapsed = useStopwatch();
  const markRead = async (lessonId: string) => {
    try {
      await complete.mutateAsync({ lessonId, seconds: elapsed() });
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const data = course.data;
  return (
    <>
      <Link to="/training">
        <ArrowLeftOutlined /> {t('training.back')}
      </Link>
      <ListState isPending={course.isPending} error={course.error} refetch={course.refetch}>
        {data ? (
          <Flex vertical gap={16} style={{ marginTop: 12 }}>
            <PageHeader title={text(data.title)} extra={data.progress.completed ? <Tag color="green">{t('training.completed')}</Tag> : null} />
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {text(data.summary)}
            </Typography.Paragraph>
            <Progress percent={Math.round((100 * data.progress.lessonsDone) / Math.max(1, data.lessonCount))} />
            <Card title={t('course.lessonsTitle')}>
              <Collapse
                defaultActiveKey={data.lessons.find((lesson) => !lesson.done)?.id}
                items={data.lessons.map((lesson) => ({
                  key: lesson.id,
                  label: (
                    <Space>
                      {lesson.done ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null}
                      {text(lesson.title)}
                      <Typography.Text type="secondary">{t('training.minutes', { count: lesson.minutes })}</Typography.Text>
                    </Space>
                  ),
                  children: (
                    <>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>{text(lesson.body)}</Typography.Paragraph>
                      {lesson.done ? (
                        <Tag color="green">{t('course.read')}</Tag>
                      ) : (
                        <Button onClick={() => void markRead(lesson.id)} loading={complete.isPending} data-testid={`read-${lesson.id}`}>
                          {t('course.markRead')}
                        </Button>
                      )}
                    </>
                  ),
                }))}
              />
            </Card>
            {data.quiz.length > 0 ? <Quiz course={data} /> : <Result status="info" />}
          </Flex>
        ) : null}
      </ListState>
    </>
  );
}
