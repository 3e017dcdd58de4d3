import { ConfigProvider } from 'antd';
// The ES builds: the package-root aliases are CommonJS and drag in a second copy of antd's locale code.
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { MessageProvider } from '../shared/MessageProvider';
import { i18n } from './i18n';
import { LocaleState, useLocale } from './locale-context';

export { useLocale } from './locale-context';

function AntdLocale({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <MessageProvider>{children}</MessageProvider>
    </ConfigProvider>
  );
}

/** The console's language layer: the shared locale state, with antd following it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  return (
    <LocaleState i18n={i18n}>
      <AntdLocale>{children}</AntdLocale>
    </LocaleState>
  );
}
