import { staffPosts } from '@manyi/core';
import { Button, Card, Flex, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useStaffDirectory } from '../../api/staff';
import { useSampling, useSaveSampling, type QaSampling } from '../../api/text-qa';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';

const percent = (rate: number) => Math.round(rate * 100);

/** Rates as percentages, one row each, removable. */
function Rates({
  entries,
  name,
  onChange,
  testId,
}: {
  entries: Record<string, number>;
  name: (key: string) => string;
  onChange: (next: Record<string, number>) => void;
  testId: string;
}) {
  return (
    <Flex vertical gap={4} data-testid={testId}>
      {Object.entries(entries).map(([key, rate]) => (
        <Space key={key}>
          <Typography.Text style={{ minWidth: 120, display: 'inline-block' }}>{name(key)}</Typography.Text>
          <InputNumber min={0} max={100} suffix="%" value={percent(rate)} onChange={(value) => onChange({ ...entries, [key]: (value ?? 0) / 100 })} />
          <Button size="small" type="link" onClick={() => onChange(Object.fromEntries(Object.entries(entries).filter(([other]) => other !== key)))}>
            ×
          </Button>
        </Space>
      ))}
    </Flex>
  );
}

/** 人工抽检比例: the company's default, per post (team) and per staff member (issue 17 §3). */
export function SamplingCard() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const message = useMessage();
  const stored = useSampling();
  const save = useSaveSampling();
  const directory = useStaffDirectory(undefined);
  const [draft, setDraft] = useState<QaSampling | null>(null);
  const value = draft ?? stored.data;
  if (!value) return null;
  const people = directory.data?.items ?? [];
  const staffName = (id: string) => people.find((person) => person.id === id)?.name ?? id.slice(0, 8);
  const change = (next: Partial<QaSampling>) => setDraft({ ...value, ...next });
  const submit = async () => {
    try {
      await save.mutateAsync(value);
      setDraft(null);
      void message.success(t('textQa.sampling.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Card size="small" title={t('textQa.sampling.title')} data-testid="sampling-card">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('textQa.sampling.intro')}</Typography.Text>
        <Space>
          <Typography.Text>{t('textQa.sampling.default')}</Typography.Text>
          <InputNumber
            min={0}
            max={100}
            suffix="%"
            value={percent(value.defaultRate)}
            onChange={(rate) => change({ defaultRate: (rate ?? 0) / 100 })}
            data-testid="sampling-default"
          />
        </Space>
        <Typography.Text strong>{t('textQa.sampling.byPost')}</Typography.Text>
        <Rates entries={value.byPost} name={(post) => label(staffPosts, post as never)} onChange={(byPost) => change({ byPost })} testId="sampling-posts" />
        <Select
          placeholder={t('textQa.sampling.post')}
          value={null}
          style={{ width: 200 }}
          options={options(staffPosts).filter((option) => !(option.value in value.byPost))}
          onChange={(post: string) => change({ byPost: { ...value.byPost, [post]: value.defaultRate } })}
          data-testid="sampling-add-post"
        />
        <Typography.Text strong>{t('textQa.sampling.byStaff')}</Typography.Text>
        <Rates entries={value.byStaff} name={staffName} onChange={(byStaff) => change({ byStaff })} testId="sampling-staff" />
        <Select
          placeholder={t('textQa.sampling.staff')}
          value={null}
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={people.filter((person) => !(person.id in value.byStaff)).map((person) => ({ value: person.id, label: person.name }))}
          onChange={(id: string) => change({ byStaff: { ...value.byStaff, [id]: value.defaultRate } })}
          data-testid="sampling-add-staff"
        />
        <Button
          type="primary"
          style={{ alignSelf: 'flex-start' }}
          disabled={!draft}
          loading={save.isPending}
          onClick={() => void submit()}
          data-testid="sampling-save"
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}
