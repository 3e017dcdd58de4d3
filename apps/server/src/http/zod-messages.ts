import type { Label } from '@manyi/core';
import { z } from 'zod';
import { isMessageKey, messageFor, messages } from './messages';

/** The parts of a zod issue that survive fastify's validation error; see fastify-type-provider-zod. */
export type ValidationIssue = {
  code: string;
  message: string;
  params: Record<string, unknown>;
  /** The value that was sent at the issue's path, looked up from the request. */
  value: unknown;
};

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

const typeNames: Record<string, Label> = {
  string: { 'zh-CN': '文本', 'en-US': 'text' },
  number: { 'zh-CN': '数字', 'en-US': 'a number' },
  int: { 'zh-CN': '整数', 'en-US': 'an integer' },
  boolean: { 'zh-CN': '是/否', 'en-US': 'true or false' },
  array: { 'zh-CN': '列表', 'en-US': 'a list' },
  object: { 'zh-CN': '对象', 'en-US': 'an object' },
};

const formatNames: Record<string, Label> = {
  uuid: { 'zh-CN': 'ID 格式不正确', 'en-US': 'Not a valid id' },
  email: { 'zh-CN': '邮箱格式不正确', 'en-US': 'Not a valid e-mail address' },
  datetime: { 'zh-CN': '日期时间格式不正确(ISO 8601)', 'en-US': 'Not a valid ISO 8601 date-time' },
  date: { 'zh-CN': '日期格式不正确(YYYY-MM-DD)', 'en-US': 'Not a valid date (YYYY-MM-DD)' },
};

/**
 * Both-language text for one validation issue. Custom schema messages are keys of `messages`;
 * the common built-in issues get phrasing a property-office clerk understands; anything rarer
 * falls back to zod's own zh-CN and en locales.
 */
export function describeIssue(issue: ValidationIssue): Label {
  if (isMessageKey(issue.message)) return messageFor(issue.message);
  const p = issue.params;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.value === undefined || issue.value === null) return messages.required;
      const name = typeNames[String(p.expected)];
      if (name) return { 'zh-CN': `应为${name['zh-CN']}`, 'en-US': `Expected ${name['en-US']}` };
      break;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = String(p[small ? 'minimum' : 'maximum']);
      if (p.origin === 'string') {
        if (small && limit === '1') return messages.required;
        return small
          ? { 'zh-CN': `至少 ${limit} 个字符`, 'en-US': `At least ${limit} characters` }
          : { 'zh-CN': `最多 ${limit} 个字符`, 'en-US': `At most ${limit} characters` };
      }
      if (p.origin === 'array' || p.origin === 'set') {
        return small
          ? { 'zh-CN': `至少选择 ${limit} 项`, 'en-US': `Choose at least ${limit}` }
          : { 'zh-CN': `最多 ${limit} 项`, 'en-US': `At most ${limit} items` };
      }
      return small
        ? { 'zh-CN': `不能小于 ${limit}`, 'en-US': `Must be at least ${limit}` }
        : { 'zh-CN': `不能大于 ${limit}`, 'en-US': `Must be at most ${limit}` };
    }
    case 'invalid_value': {
      const options = Array.isArray(p.values) ? p.values.map(String).join(' / ') : '';
      return { 'zh-CN': `取值无效,可选:${options}`, 'en-US': `Invalid value; one of: ${options}` };
    }
    case 'invalid_format': {
      const format = formatNames[String(p.format)];
      if (format) return format;
      break;
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.join(', ') : '';
      return { 'zh-CN': `不认识的字段:${keys}`, 'en-US': `Unknown fields: ${keys}` };
    }
    default:
      break;
  }
  const raw = { code: issue.code, message: issue.message, path: [], input: issue.value, ...p } as never;
  const text = (result: unknown): string =>
    typeof result === 'string' ? result : result && typeof result === 'object' && 'message' in result ? String(result.message) : issue.message;
  return { 'zh-CN': text(zhLocale.localeError(raw)), 'en-US': text(enLocale.localeError(raw)) };
}
