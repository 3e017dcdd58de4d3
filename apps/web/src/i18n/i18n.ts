import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLocale } from '../api/client';
import { enUS } from './en-US';
import { zhCN, type Messages } from './zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export const locales: readonly Locale[] = ['zh-CN', 'en-US'];

const storageKey = 'manyi.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The saved choice wins; otherwise Chinese, the product's first language, whatever the browser says. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale);
}

export const i18n = i18next.createInstance();

const startLocale = initialLocale();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: startLocale,
  fallbackLng: 'zh-CN',
  // React escapes output already.
  interpolation: { escapeValue: false },
});
applyLocale(startLocale);

/** Everything outside React that depends on the language: API header, dates, the page's lang. */
export function applyLocale(locale: Locale): void {
  setRequestLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}
