import { useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES builds: the package-root aliases are CommonJS and drag in a second copy of antd's locale code.
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { MessageProvider } from '../shared/MessageProvider';
import { applyLocale, i18n, initialLocale, saveLocale, type Locale } from './i18n';

type LocaleContextValue = { locale: Locale; setLocale: (locale: Locale) => void };

const LocaleContext = createContext<LocaleContextValue>({ locale: 'zh-CN', setLocale: () => undefined });

/** One place switches every layer together: i18next, antd, dayjs, and the API's Accept-Language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  // i18n.ts applied the initial language at start-up, before the first request went out.
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
    [queryClient],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
        <MessageProvider>{children}</MessageProvider>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}
