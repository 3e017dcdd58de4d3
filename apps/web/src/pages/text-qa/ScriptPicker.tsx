import { discGuides, type DiscStyle } from '@manyi/core';
import { Alert, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../../api/persons';
import { useScripts } from '../../api/text-qa';
import { useVocabulary } from '../../i18n/vocabulary';

/** The owner's DISC type (seed 001 第二讲) and how to win them over, shown while the ticket is handled. */
export function DiscTip({ personId }: { personId: string | null | undefined }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const person = usePerson(personId);
  const style = person.data?.discStyle as DiscStyle | null | undefined;
  if (!style) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="disc-tip"
      message={t('scripts.discTip', { style: t(`scripts.disc.${style}`), key: text(discGuides[style].key) })}
    />
  );
}

/**
 * 话术库 in the note editor: search by words or pinyin initials (tsaf → 投诉安抚); the variant for the owner's DISC
 * type comes first when it is known.
 */
export function ScriptPicker({ personId, onPick }: { personId: string | null | undefined; onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const [query, setQuery] = useState('');
  const scripts = useScripts(query);
  const person = usePerson(personId);
  const style = person.data?.discStyle as DiscStyle | null | undefined;
  const options = (scripts.data?.items ?? []).map((scenario) => {
    const variants: { value: string; label: string }[] = [
      { value: `${scenario.key}:standard`, label: `${text(scenario.title)} · ${t('scripts.standard')}` },
      ...(Object.keys(scenario.disc) as DiscStyle[]).map((disc) => ({
        value: `${scenario.key}:${disc}`,
        label: `${text(scenario.title)} · ${t(`scripts.disc.${disc}`)}`,
      })),
    ];
    if (style) variants.sort((left, right) => Number(right.value.endsWith(`:${style}`)) - Number(left.value.endsWith(`:${style}`)));
    return { label: text(scenario.title), options: variants };
  });
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQuery}
      placeholder={t('scripts.pick')}
      value={null}
      loading={scripts.isFetching}
      onChange={(value: string) => {
        const [key, variant] = value.split(':') as [string, string];
        const scenario = scripts.data?.items.find((item) => item.key === key);
        if (scenario) onPick(variant === 'standard' ? scenario.standard : scenario.disc[variant as DiscStyle]);
      }}
      options={options}
      style={{ width: 260 }}
      data-testid="script-picker"
    />
  );
}
