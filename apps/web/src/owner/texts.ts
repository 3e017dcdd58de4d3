import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerMessages as enUS } from '../i18n/en-US/owner';
import { startI18n } from '../i18n/locale';
import { ownerMessages as zhCN, type OwnerMessages } from '../i18n/zh-CN/owner';

/**
 * The owner pages' words: their own i18next instance over their own dictionaries only (i18n/zh-CN/owner.ts, en-US/owner.ts),
 * not the console's, so an owner page downloads a few KB of text instead of the whole console's.
 */
export const ownerI18n = startI18n({ 'zh-CN': zhCN, 'en-US': enUS });

type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];

/** Every key the owner dictionaries hold: an owner page cannot name a console text it would not have. */
export type OwnerTextKey = Leaves<OwnerMessages>;

/** `t` for owner pages, typed by the owner dictionaries. */
export function useOwnerTexts(): (key: OwnerTextKey, values?: Record<string, string | number>) => string {
  const { t } = useTranslation();
  return useCallback((key: OwnerTextKey, values?: Record<string, string | number>) => t(key, values ?? {}), [t]);
}
