import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { flattenIndicatorTree, itemCount, questionTypes, recommendedItemLimit, type Question, type QuestionType, type SurveyDefinition } from '@manyi/core';
import { Alert, Badge, Button, Card, Col, Dropdown, Empty, Input, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useIndicatorSystem } from '../../api/indicators';
import { ApiError, errorMessage } from '../../api/problem';
import { useSaveSurvey, useSurvey, useSurveyStatus, type SurveyDetail } from '../../api/surveys';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { PageSpin } from '../../shared/PageSpin';
import { LocalTextInput } from './LocalTextInput';
import { useCanDesign } from './can-design';
import { PhonePreview } from './PhonePreview';
import { QuestionEditor } from './QuestionEditor';
import { errorsByQuestion, freshKey, move, newQuestion } from './question-factory';

type FieldError = { field: string; message: string };

/** 问卷设计: questions on the left, the selected one's editor in the middle, the owner's page at phone size on the right. */
export function SurveyDesignerPage() {
  const { id } = useParams<{ id: string }>();
  const survey = useSurvey(id);
  if (survey.error) return <Alert type="error" showIcon title={survey.error.message} />;
  if (!survey.data) return <PageSpin />;
  // Keyed by version and save time, so a saved (or reloaded) survey starts the editor from what the server holds.
  return <Designer key={`${survey.data.id}:${survey.data.updatedAt}`} survey={survey.data} />;
}

function Designer({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const { locale } = useVocabulary();
  const navigate = useNavigate();
  const message = useMessage();
  const save = useSaveSurvey();
  const status = useSurveyStatus();
  const canDesign = useCanDesign();
  const system = useIndicatorSystem(survey.indicatorSystemId);
  const [name, setName] = useState(survey.name);
  const [definition, setDefinition] = useState<SurveyDefinition>(survey.definition);
  const [selected, setSelected] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [previewLocale, setPreviewLocale] = useState<'zh-CN' | 'en-US'>(locale);
  const [dirty, setDirty] = useState(false);
  // The version this editor works on: sent with each save so that someone else's save in between is not overwritten.
  const [baseline, setBaseline] = useState(survey.updatedAt);

  const count = itemCount(definition);
  const grouped = useMemo(() => errorsByQuestion(errors), [errors]);
  const indicatorOptions = useMemo(
    () =>
      flattenIndicatorTree(system.data?.tree ?? []).map((node) => ({ value: node.code, label: `${node.name[locale] || node.name['zh-CN']} (${node.code})` })),
    [system.data, locale],
  );
  const questions = definition.questions;
  const current = questions[selected];

  const change = (next: SurveyDefinition, clearErrors = false) => {
    setDefinition(next);
    setDirty(true);
    // Indices shift when questions move, so errors pointing at positions no longer apply.
    if (clearErrors) setErrors([]);
  };
  const setQuestions = (next: Question[], clearErrors = false) => change({ ...definition, questions: next }, clearErrors);
  const add = (type: QuestionType) => {
    setQuestions([...questions, newQuestion(type, freshKey(questions.map((question) => question.key)))], true);
    setSelected(questions.length);
  };
  const remove = (index: number) => {
    setQuestions(
      questions.filter((_question, at) => at !== index),
      true,
    );
    setSelected(Math.max(0, Math.min(selected, questions.length - 2)));
  };
  const reorder = (index: number, step: number) => {
    setQuestions(move(questions, index, step), true);
    if (index === selected) setSelected(Math.max(0, Math.min(questions.length - 1, index + step)));
  };

  const submit = async () => {
    try {
      const saved = await save.mutateAsync({ id: survey.id, input: { name, definition, expectedUpdatedAt: baseline } });
      setBaseline(saved.updatedAt);
      setErrors([]);
      void message.success(t('common.saved'));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      // The field errors sit next to their questions; the toast only says how many need fixing.
      void message.error(fields.length > 0 ? t('surveyDesign.fixErrors', { count: fields.length }) : errorMessage(error, t('common.requestFailed')));
      setErrors(fields);
      const first = errorsByQuestion(fields).byIndex.keys().next();
      if (!first.done) setSelected(first.value);
    }
  };
  const setStatus = async (action: 'publish' | 'archive') => {
    try {
      setBaseline((await status.mutateAsync({ id: survey.id, action })).updatedAt);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };

  return (
    <div data-testid="survey-designer">
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/surveys')}>
            {t('surveyDesign.back')}
          </Button>
          <Input
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setDirty(true);
            }}
            style={{ width: 280 }}
            data-testid="survey-name"
          />
          <Tag color={survey.status === 'published' ? 'green' : survey.status === 'archived' ? 'default' : 'blue'}>
            {t(`surveyDesign.status.${survey.status}`)}
          </Tag>
          <Typography.Text type="secondary">
            {t('surveyDesign.version', { version: survey.currentVersion })}
            {survey.frozenAt ? ` · ${t('surveyDesign.frozen')}` : ''}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Tag color={count > recommendedItemLimit ? 'orange' : 'default'} data-testid="survey-item-count">
            {t('surveyDesign.itemCount', { count, limit: recommendedItemLimit })}
          </Tag>
          {canDesign && survey.status === 'draft' && (
            <Button onClick={() => void setStatus('publish')} disabled={dirty} loading={status.isPending}>
              {t('surveyDesign.publish')}
            </Button>
          )}
          {canDesign && survey.status !== 'archived' && (
            <Button onClick={() => void setStatus('archive')} loading={status.isPending}>
              {t('surveyDesign.archive')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            onClick={() => void submit()}
            loading={save.isPending}
            disabled={!canDesign || survey.status === 'archived'}
            data-testid="survey-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      </Space>
      {count > recommendedItemLimit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="survey-too-many"
          title={t('surveyDesign.tooMany', { count, limit: recommendedItemLimit })}
        />
      )}
      {survey.frozenAt && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('surveyDesign.frozenHint')} />}
      {grouped.general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={grouped.general.join('；')} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <Typography.Text type="secondary">{t('surveyDesign.surveyTitle')}</Typography.Text>
            <LocalTextInput value={definition.title} onChange={(title) => change({ ...definition, title })} testId="survey-title" />
          </Col>
          <Col xs={24} xl={14}>
            <Typography.Text type="secondary">{t('surveyDesign.intro')}</Typography.Text>
            <LocalTextInput
              value={definition.intro ?? { 'zh-CN': '' }}
              onChange={(intro) => change({ ...definition, intro: intro['zh-CN'] || intro['en-US'] ? intro : undefined })}
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={6}>
          <Card
            size="small"
            title={t('surveyDesign.questions')}
            extra={
              <Dropdown
                menu={{ items: questionTypes.map((type) => ({ key: type, label: t(`surveyDesign.types.${type}`), onClick: () => add(type) })) }}
                trigger={['click']}
              >
                <Button size="small" type="primary" icon={<PlusOutlined />} data-testid="question-add">
                  {t('surveyDesign.addQuestion')}
                </Button>
              </Dropdown>
            }
          >
            <List
              size="small"
              dataSource={questions}
              locale={{ emptyText: <Empty description={t('surveyDesign.noQuestions')} /> }}
              data-testid="question-list"
              renderItem={(question, index) => (
                <List.Item
                  onClick={() => setSelected(index)}
                  data-testid="question-item"
                  style={{
                    cursor: 'pointer',
                    background: index === selected ? 'var(--ant-color-primary-bg, #e6f4ff)' : undefined,
                    paddingInline: 8,
                    alignItems: 'flex-start',
                    gap: 4,
                  }}
                >
                  <Badge dot={grouped.byIndex.has(index)} offset={[4, 0]} style={{ minWidth: 0 }}>
                    <Space size={4} direction="vertical" style={{ minWidth: 0 }}>
                      <Typography.Text strong ellipsis style={{ maxWidth: 170 }}>
                        {index + 1}. {question.title[locale] || question.title['zh-CN'] || t('surveyDesign.untitled')}
                      </Typography.Text>
                      <Space size={4} wrap>
                        <Tag>{t(`surveyDesign.types.${question.type}`)}</Tag>
                        {question.showIf && <Tag color="purple">{t('surveyDesign.conditional')}</Tag>}
                        {question.overall && <Tag color="gold">{t('surveyDesign.editor.overall')}</Tag>}
                      </Space>
                    </Space>
                  </Badge>
                  <Space size={0} style={{ flex: 'none' }}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={(event) => {
                        event.stopPropagation();
                        reorder(index, -1);
                      }}
                      aria-label={t('surveyDesign.moveUp')}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={index === questions.length - 1}
                      onClick={(event) => {
                        event.stopPropagation();
                        reorder(index, 1);
                      }}
                      aria-label={t('surveyDesign.moveDown')}
                    />
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={(event) => {
                        event.stopPropagation();
                        remove(index);
                      }}
                      aria-label={t('common.delete')}
                      data-testid="question-delete"
                    />
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={current ? `${selected + 1}. ${t(`surveyDesign.types.${current.type}`)}` : t('surveyDesign.editorTitle')}>
            {current ? (
              <QuestionEditor
                key={selected}
                question={current}
                earlier={questions.slice(0, selected)}
                indicatorOptions={indicatorOptions}
                errors={grouped.byIndex.get(selected) ?? []}
                onChange={(question) => setQuestions(questions.map((old, at) => (at === selected ? question : old)))}
              />
            ) : (
              <Empty description={t('surveyDesign.pickQuestion')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={t('surveyDesign.preview')}
            extra={
              <Segmented
                size="small"
                value={previewLocale}
                onChange={(value) => setPreviewLocale(value as 'zh-CN' | 'en-US')}
                options={[
                  { value: 'zh-CN', label: '中' },
                  { value: 'en-US', label: 'EN' },
                ]}
              />
            }
          >
            <PhonePreview definition={definition} locale={previewLocale} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
