import { enUS } from './en-US';
import { startI18n } from './locale';
import { zhCN, type Messages } from './zh-CN';

export { applyLocale, initialLocale, locales, saveLocale, type Locale } from './locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The console's texts, every page's. */
export const i18n = startI18n({ 'zh-CN': zhCN, 'en-US': enUS });
