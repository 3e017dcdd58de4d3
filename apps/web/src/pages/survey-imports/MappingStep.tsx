import { Alert, Button, Card, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveyImportStep, type ColumnMapping, type ColumnTarget, type SurveyImport } from '../../api/survey-imports';

/** Select values: '' ignore, 'room', 'phone', 'q|key' or 'q|key|item'. */
const encode = (target: ColumnTarget | null): string => {
  if (!target) return '';
  if (target.kind !== 'question') return target.kind;
  return target.item ? `q|${target.questionKey}|${target.item}` : `q|${target.questionKey}`;
};

const decode = (value: string): ColumnTarget | null => {
  if (value === '') return null;
  if (value === 'room' || value === 'phone') return { kind: value };
  const [, questionKey, item] = value.split('|');
  return { kind: 'question', questionKey: questionKey!, ...(item && { item }) };
};

/** Staff confirm or correct the columns the server matched to questions. */
export function MappingStep({ job, onConfirmed }: { job: SurveyImport; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<ColumnMapping[]>(job.mapping);
  const confirm = useSurveyImportStep('mapping');
  const options = useMemo(
    () => [
      { value: '', label: t('surveyImport.ignore') },
      { value: 'room', label: t('surveyImport.room') },
      { value: 'phone', label: t('surveyImport.phone') },
      ...job.questions.flatMap((question, index) =>
        question.items.length === 0
          ? [{ value: `q|${question.key}`, label: `${index + 1}. ${question.title}` }]
          : question.items.map((item) => ({ value: `q|${question.key}|${item.key}`, label: `${index + 1}. ${question.title} — ${item.label}` })),
      ),
    ],
    [job.questions, t],
  );
  const mapped = mapping.some((entry) => entry.target?.kind === 'question');
  const titleOf = (key: string | null) => {
    const index = job.questions.findIndex((question) => question.key === key);
    return index < 0 ? t('surveyImport.noQuestion') : `${index + 1}. ${job.questions[index]!.title}`;
  };

  return (
    <Card size="small" title={t('surveyImport.mappingTitle')} data-testid="import-mapping">
      <Table<ColumnMapping>
        rowKey="column"
        size="small"
        pagination={false}
        dataSource={mapping}
        columns={[
          { title: t('surveyImport.column'), dataIndex: 'header', width: '40%' },
          {
            title: t('surveyImport.question'),
            key: 'target',
            render: (_value, entry) => (
              <Select
                style={{ width: '100%' }}
                showSearch={{ optionFilterProp: 'label' }}
                value={encode(entry.target)}
                options={options}
                onChange={(value: string) =>
                  setMapping((current) => current.map((item) => (item.column === entry.column ? { ...item, target: decode(value) } : item)))
                }
                data-testid={`import-mapping-${entry.column}`}
              />
            ),
          },
        ]}
      />
      {job.conflicts.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('surveyImport.conflictsTitle')}
          description={job.conflicts.map((conflict) => (
            <div key={conflict.column}>
              {t('surveyImport.conflict', { header: conflict.header, byNumber: titleOf(conflict.byNumber), byTitle: titleOf(conflict.byTitle) })}
            </div>
          ))}
          data-testid="import-mapping-conflicts"
        />
      ) : null}
      {!mapped ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('surveyImport.unmappedWarning')} /> : null}
      {confirm.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={confirm.error.message} /> : null}
      <Button
        style={{ marginTop: 12 }}
        type="primary"
        disabled={!mapped}
        loading={confirm.isPending}
        onClick={() => confirm.mutate({ id: job.id, mapping }, { onSuccess: onConfirmed })}
        data-testid="import-confirm-mapping"
      >
        {t('surveyImport.confirmMapping')}
      </Button>
    </Card>
  );
}
