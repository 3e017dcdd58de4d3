/** What the engine says about the input itself, so that odd input gets a clear answer rather than silence. */
import { type Label } from '@manyi/core';
import { type NormalisedText } from './normalise';

export type Notice = { code: 'empty' | 'truncated' | 'markup' | 'no_chinese'; messages: Label };

export function noticesFor(original: string, normalised: NormalisedText): Notice[] {
  const notices: Notice[] = [];
  if (normalised.text.trim().length === 0) {
    notices.push({ code: 'empty', messages: { 'zh-CN': '没有可分析的文字', 'en-US': 'There is no text to analyse' } });
    return notices;
  }
  if (normalised.truncated) {
    notices.push({
      code: 'truncated',
      messages: {
        'zh-CN': `文字共 ${original.length} 个字符，只分析了前 ${normalised.text.length} 个`,
        'en-US': `The text has ${original.length} characters; only the first ${normalised.text.length} were analysed`,
      },
    });
  }
  if (normalised.hadMarkup) notices.push({ code: 'markup', messages: { 'zh-CN': '已忽略其中的 HTML 标记', 'en-US': 'HTML markup in the text was ignored' } });
  if (!/\p{Script=Han}/u.test(normalised.text))
    notices.push({
      code: 'no_chinese',
      messages: { 'zh-CN': '文字中没有中文，分析结果可能不准确', 'en-US': 'The text has no Chinese; the analysis may not be meaningful' },
    });
  return notices;
}
