import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../../api/households';
import { useDebouncedValue } from '../../shared/useDebouncedValue';

type HouseholdPickerProps = {
  value?: string;
  onChange?: (value: string) => void;
  projectId: string | undefined;
  /** Label of the household already chosen, which may not be among the search results. */
  currentLabel?: string | undefined;
  disabled?: boolean;
  testId?: string;
};

/** Server-side search: a project can have thousands of households, too many to load into a Select. */
export function HouseholdPicker({ value, onChange, projectId, currentLabel, disabled, testId = 'person-household' }: HouseholdPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const households = useHouseholds({ projectId, q });
  const options = households.items.map((household) => ({
    value: household.id,
    label: projectId ? household.label : `${household.label} · ${household.projectName}`,
  }));
  if (value && currentLabel && !options.some((option) => option.value === value)) options.unshift({ value, label: currentLabel });

  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('persons.householdPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={households.isFetching ? <Spin size="small" /> : undefined}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
