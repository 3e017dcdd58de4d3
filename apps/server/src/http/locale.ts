import type { Locale } from '@manyi/core';
import type { FastifyRequest } from 'fastify';

/** Chinese unless the client asks for English first (Accept-Language: en…). */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
