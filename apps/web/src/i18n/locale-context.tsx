import { useQueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { applyLocale, initialLocale, saveLocale, type Locale } from './locale';

type LocaleContextValue = { locale: Locale; setLocale: (locale: Locale) => void };

const LocaleContext = createContext<LocaleContextValue>({ locale: 'zh-CN', setLocale: () => undefined });

/**
 * The language on screen and the one switch that changes it everywhere: i18next, dayjs and the API's
 * Accept-Language; without any UI library, so the owner's light pages use it as the console does.
 */
export function LocaleState({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  // startI18n applied the initial language at start-up, before the first request went out.
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const queryClient = useQueryClient();

  const setLocale = useCallback(
    (next: Locale) => {
      saveLocale(next);
      applyLocale(next);
      void i18n.changeLanguage(next);
      setLocaleState(next);
      // Server-side labels (timeline titles, error texts) come in the requested language.
      void queryClient.invalidateQueries();
    },
    [i18n, queryClient],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}
