import type { Question, ShowIf } from '@manyi/core';
import { InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../i18n/vocabulary';
import { defaultShowIf, showIfOperators } from './question-factory';

type Props = { earlier: readonly Question[]; value: ShowIf | undefined; onChange: (value: ShowIf | undefined) => void };

/** Skip logic: show this question only when an earlier question's answer meets a condition (never a later one). */
export function ShowIfEditor({ earlier, value, onChange }: Props) {
  const { t } = useTranslation();
  const { locale } = useVocabulary();
  const source = earlier.find((question) => question.key === value?.questionKey);
  const title = (question: Question) => `${question.key} · ${question.title[locale] || question.title['zh-CN']}`;

  if (earlier.length === 0) return <span className="muted">{t('surveyDesign.showIf.noEarlier')}</span>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Switch
        checked={value !== undefined}
        checkedChildren={t('surveyDesign.showIf.on')}
        unCheckedChildren={t('surveyDesign.showIf.off')}
        onChange={(on) => onChange(on ? defaultShowIf(earlier[earlier.length - 1]!) : undefined)}
        data-testid="showif-toggle"
      />
      {value && (
        <Space wrap>
          <Select
            style={{ minWidth: 220 }}
            value={value.questionKey}
            data-testid="showif-question"
            options={earlier.map((question) => ({ value: question.key, label: title(question) }))}
            onChange={(key: string) => onChange(defaultShowIf(earlier.find((question) => question.key === key)!))}
          />
          <Select
            style={{ minWidth: 140 }}
            value={value.operator}
            data-testid="showif-operator"
            options={showIfOperators(source?.type ?? 'text').map((operator) => ({ value: operator, label: t(`surveyDesign.showIf.operators.${operator}`) }))}
            onChange={(operator: ShowIf['operator']) => {
              if (operator === 'answered') onChange({ questionKey: value.questionKey, operator });
              else if (operator === 'lte' || operator === 'gte')
                onChange({ questionKey: value.questionKey, operator, value: 'value' in value ? value.value : 6 });
              else onChange({ questionKey: value.questionKey, operator, values: 'values' in value ? value.values : [] });
            }}
          />
          {(value.operator === 'lte' || value.operator === 'gte') && (
            <InputNumber min={0} max={10} value={value.value} onChange={(next) => onChange({ ...value, value: next ?? 0 })} data-testid="showif-value" />
          )}
          {(value.operator === 'in' || value.operator === 'any_of') && (
            <Select<(string | number)[], { value: string | number; label: string }>
              mode={source && (source.type === 'single' || source.type === 'multiple') ? 'multiple' : 'tags'}
              style={{ minWidth: 200 }}
              value={value.values}
              options={
                source && (source.type === 'single' || source.type === 'multiple')
                  ? source.options.map((option) => ({ value: option.value, label: option.label[locale] || option.label['zh-CN'] }))
                  : [1, 2, 3, 4, 5].map((score) => ({ value: score, label: String(score) }))
              }
              onChange={(values: (string | number)[]) =>
                onChange({ ...value, values: values.map((item) => (typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item)) })
              }
            />
          )}
        </Space>
      )}
    </Space>
  );
}
