import type { Label } from '@manyi/core';
import { useCallback } from 'react';
import { useLocale } from './locale-context';

type Vocabulary<T extends string> = { values: readonly T[]; labels: Record<T, Label> };

/** Labels for the shared vocabularies of @manyi/core in the language on screen. */
export function useVocabulary() {
  const { locale } = useLocale();
  const label = useCallback(
    <T extends string>(vocabulary: Vocabulary<T>, value: T | null | undefined): string => (value ? (vocabulary.labels[value]?.[locale] ?? value) : '—'),
    [locale],
  );
  const options = useCallback(
    <T extends string>(vocabulary: Vocabulary<T>) => vocabulary.values.map((value) => ({ value, label: vocabulary.labels[value][locale] })),
    [locale],
  );
  const text = useCallback((value: Label) => value[locale], [locale]);
  return { locale, label, options, text };
}
