import { type Label } from '../organisation/vocabulary';

/** Both locales from one template, for refusal messages that carry a detail (a list, a date). */
export function label(zh: string, en: string): Label {
  return { 'zh-CN': zh, 'en-US': en };
}
