import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChoiceOption, MatrixRow, Question } from '@manyi/core';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalTextInput } from './LocalTextInput';
import { freshKey } from './question-factory';
import { ShowIfEditor } from './ShowIfEditor';

type Props = {
  question: Question;
  earlier: readonly Question[];
  /** Codes of the linked indicator system's current version, with their names, for the indicator picker. */
  indicatorOptions: { value: string; label: string }[];
  errors: { field: string; message: string }[];
  onChange: (question: Question) => void;
};

/** Add/remove rows of a list (choice options, matrix rows); each row renders its own inputs. */
function RowsEditor<T>({
  items,
  render,
  onChange,
  create,
  addLabel,
  testId,
}: {
  items: T[];
  render: (item: T, update: (item: T) => void) => ReactNode;
  onChange: (items: T[]) => void;
  create: () => T;
  addLabel: string;
  testId: string;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {items.map((item, index) => (
        <Space key={index} align="start" style={{ width: '100%' }}>
          {render(item, (next) => onChange(items.map((old, at) => (at === index ? next : old))))}
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={items.length <= 1}
            onClick={() => onChange(items.filter((_old, at) => at !== index))}
          />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...items, create()])}>
        {addLabel}
      </Button>
    </Space>
  );
}

/** Everything about one question: texts in both languages, required, type settings, indicator and skip logic. */
export function QuestionEditor({ question, earlier, indicatorOptions, errors, onChange }: Props) {
  const { t } = useTranslation();
  const errorOf = (prefix: string) => errors.filter((error) => error.field === prefix || error.field.startsWith(`${prefix}.`)).map((error) => error.message);
  const item = (label: string, field: string, control: ReactNode) => {
    const messages = errorOf(field);
    return (
      <Form.Item label={label} validateStatus={messages.length > 0 ? 'error' : undefined} help={messages.length > 0 ? messages.join('；') : undefined}>
        {control}
      </Form.Item>
    );
  };
  const indicator = (value: string | undefined, update: (code: string | undefined) => void, testId?: string) => (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 240 }}
      placeholder={t('surveyDesign.editor.noIndicator')}
      value={value}
      options={indicatorOptions}
      onChange={(code?: string) => update(code ?? undefined)}
      data-testid={testId}
    />
  );

  return (
    <Form layout="vertical" data-testid="question-editor">
      {errors.some((error) => error.field === '') && <Alert type="error" showIcon title={errorOf('').join('；')} style={{ marginBottom: 12 }} />}
      {item(
        t('surveyDesign.editor.key'),
        'key',
        <Input
          value={question.key}
          onChange={(event) => onChange({ ...question, key: event.target.value.trim() })}
          style={{ maxWidth: 240 }}
          data-testid="question-key"
        />,
      )}
      {item(
        t('surveyDesign.editor.title'),
        'title',
        <LocalTextInput
          value={question.title}
          onChange={(title) => onChange({ ...question, title })}
          testId="question-title"
          status={errorOf('title').length > 0 ? 'error' : undefined}
        />,
      )}
      {item(
        t('surveyDesign.editor.help'),
        'help',
        <LocalTextInput
          value={question.help ?? { 'zh-CN': '' }}
          onChange={(help) => onChange({ ...question, help: help['zh-CN'] || help['en-US'] ? help : undefined })}
        />,
      )}
      <Space size="large" wrap>
        <Form.Item label={t('surveyDesign.editor.required')}>
          <Switch checked={question.required} onChange={(required) => onChange({ ...question, required })} data-testid="question-required" />
        </Form.Item>
        {(question.type === 'satisfaction' || question.type === 'matrix') && (
          <Form.Item label={t('surveyDesign.editor.allowNotExperienced')}>
            <Switch checked={question.allowNotExperienced} onChange={(allowNotExperienced) => onChange({ ...question, allowNotExperienced })} />
          </Form.Item>
        )}
        {question.type === 'satisfaction' && (
          <Form.Item label={t('surveyDesign.editor.overall')} tooltip={t('surveyDesign.editor.overallHint')}>
            <Checkbox checked={question.overall ?? false} onChange={(event) => onChange({ ...question, overall: event.target.checked || undefined })} />
          </Form.Item>
        )}
        {question.type === 'servqual' &&
          item(
            t('surveyDesign.editor.scalePoints'),
            'scalePoints',
            <Select<5 | 7>
              value={question.scalePoints}
              style={{ width: 120 }}
              options={[
                { value: 5, label: '5' },
                { value: 7, label: '7' },
              ]}
              onChange={(scalePoints) => onChange({ ...question, scalePoints })}
            />,
          )}
        {question.type === 'text' &&
          item(
            t('surveyDesign.editor.maxLength'),
            'maxLength',
            <InputNumber min={1} max={2000} value={question.maxLength} onChange={(maxLength) => onChange({ ...question, maxLength: maxLength ?? 500 })} />,
          )}
        {question.type === 'multiple' &&
          item(
            t('surveyDesign.editor.maxSelections'),
            'maxSelections',
            <InputNumber
              min={1}
              max={30}
              value={question.maxSelections}
              onChange={(maxSelections) => onChange({ ...question, maxSelections: maxSelections ?? undefined })}
            />,
          )}
      </Space>
      {question.type !== 'matrix' &&
        item(
          t('surveyDesign.editor.indicator'),
          'indicatorCode',
          indicator(question.indicatorCode, (indicatorCode) => onChange({ ...question, indicatorCode }), 'question-indicator'),
        )}
      {question.type === 'kano' && (
        <>
          {item(
            t('surveyDesign.editor.functional'),
            'functional',
            <LocalTextInput value={question.functional} onChange={(functional) => onChange({ ...question, functional })} />,
          )}
          {item(
            t('surveyDesign.editor.dysfunctional'),
            'dysfunctional',
            <LocalTextInput value={question.dysfunctional} onChange={(dysfunctional) => onChange({ ...question, dysfunctional })} />,
          )}
        </>
      )}
      {(question.type === 'single' || question.type === 'multiple') &&
        item(
          t('surveyDesign.editor.options'),
          'options',
          <RowsEditor<ChoiceOption>
            items={question.options}
            testId="question-options"
            addLabel={t('surveyDesign.editor.addOption')}
            create={() => ({
              value: freshKey(
                question.options.map((option) => option.value),
                'o',
              ),
              label: { 'zh-CN': '' },
            })}
            onChange={(options) => onChange({ ...question, options })}
            render={(option, update) => (
              <>
                <Input style={{ width: 90 }} value={option.value} onChange={(event) => update({ ...option, value: event.target.value.trim() })} />
                <LocalTextInput value={option.label} onChange={(label) => update({ ...option, label })} />
              </>
            )}
          />,
        )}
      {question.type === 'matrix' &&
        item(
          t('surveyDesign.editor.rows'),
          'rows',
          <RowsEditor<MatrixRow>
            items={question.rows}
            testId="question-rows"
            addLabel={t('surveyDesign.editor.addRow')}
            create={() => ({
              key: freshKey(
                question.rows.map((row) => row.key),
                'r',
              ),
              label: { 'zh-CN': '' },
            })}
            onChange={(rows) => onChange({ ...question, rows })}
            render={(row, update) => (
              <>
                <Input style={{ width: 110 }} value={row.key} onChange={(event) => update({ ...row, key: event.target.value.trim() })} />
                <LocalTextInput value={row.label} onChange={(label) => update({ ...row, label })} />
                {indicator(row.indicatorCode, (indicatorCode) => update({ ...row, indicatorCode }))}
              </>
            )}
          />,
        )}
      {item(
        t('surveyDesign.editor.showIf'),
        'showIf',
        <ShowIfEditor earlier={earlier} value={question.showIf} onChange={(showIf) => onChange({ ...question, showIf })} />,
      )}
    </Form>
  );
}
