import { systemText } from '@manyi/core';
import { useCallback } from 'react';
import { useLocale } from './locale-context';

/**
 * A text the server wrote in Chinese (an audit summary, a timeline title, the system's note on a ticket, the
 * actor 系统) in the language on screen: core's systemText puts it into English, keeping the names it quotes.
 */
export function useSystemText() {
  const { locale } = useLocale();
  return useCallback((value: string | null | undefined): string => (value ? systemText(value, locale) : ''), [locale]);
}
