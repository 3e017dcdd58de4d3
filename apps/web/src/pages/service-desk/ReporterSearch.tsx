import { CrownFilled, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonLookup } from '../../api/persons';
import type { Person } from '../../api/types';
import { useDebouncedValue } from '../../shared/useDebouncedValue';

type ReporterSearchProps = { projectId: string | undefined; onPick: (person: Person) => void; autoFocus?: boolean };

/**
 * The hotline agent's first field: the resident as the caller says it — 11栋1单元301, 11-1-301,
 * 1101, a phone number or its last four digits, a name or its pinyin initials (GET /persons/lookup,
 * best match first) — and picking one fills the household, name and phone. Enter picks the
 * highlighted match; the building is always shown, since a bare room number matches several.
 */
export function ReporterSearch({ projectId, onPick, autoFocus }: ReporterSearchProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const persons = usePersonLookup(q.length >= 2 ? q : '', projectId);
  const found = q.length >= 2 ? (persons.data?.items ?? []) : [];
  const options = found.map((person) => ({
    value: person.id,
    label: (
      <Space size={6} data-testid="reporter-option">
        {person.isVip ? <CrownFilled style={{ color: '#faad14' }} /> : null}
        <strong>{person.name}</strong>
        <span>{person.phone ?? ''}</span>
        <Typography.Text type="secondary">
          {person.householdLabel}
          {projectId ? '' : ` · ${person.projectName}`}
        </Typography.Text>
      </Space>
    ),
  }));
  return (
    <AutoComplete
      value={search}
      options={options}
      onSearch={setSearch}
      onSelect={(id: string) => {
        const person = found.find((item) => item.id === id);
        if (!person) return;
        setSearch(`${person.name} ${person.phone ?? ''}`.trim());
        onPick(person);
      }}
      defaultActiveFirstOption
      notFoundContent={q.length >= 2 && !persons.isFetching ? t('serviceDesk.form.noMatch') : null}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    >
      <Input
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('serviceDesk.form.reporterSearch')}
        autoFocus={autoFocus}
        allowClear
        data-testid="reporter-search"
      />
    </AutoComplete>
  );
}
