import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLocale } from '../api/client';

/**
 * The language machinery without any dictionary, shared by the console (i18n.ts, every text) and the
 * owner's phone pages (owner/texts.ts, only theirs), so that each entry downloads only its own words.
 */
export type Locale = 'zh-CN' | 'en-US';
export const locales: readonly Locale[] = ['zh-CN', 'en-US'];

const storageKey = 'manyi.locale';

/** The saved choice wins; otherwise Chinese, the product's first language, whatever the browser says. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale);
}

/** Everything outside React that depends on the language: API header, dates, the page's lang. */
export function applyLocale(locale: Locale): void {
  setRequestLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

/** An i18next instance over the given dictionaries, in the saved language, with React bound to it. */
export function startI18n(dictionaries: Record<Locale, Resource[string][string]>): I18n {
  const instance = i18next.createInstance();
  const start = initialLocale();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: dictionaries['zh-CN'] }, 'en-US': { translation: dictionaries['en-US'] } },
    lng: start,
    fallbackLng: 'zh-CN',
    // React escapes output already.
    interpolation: { escapeValue: false },
  });
  applyLocale(start);
  return instance;
}
