import type { Database } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import { startBackgroundTimer, type BackgroundTimer } from '../background-timer';
import { companiesWithVoice } from './repository';
import { refreshOwnerVoice } from './service';

/**
 * The owner-voice pass on its own interval (default 60 s): each company's new ticket descriptions, return-visit
 * comments and completed survey responses are analysed once and stored, so the 贬损点 page only reads. Reading
 * never writes: a project manager's view must not change what other projects hold.
 */
export function startOwnerVoiceTimer(db: Database, log: FastifyBaseLogger, intervalMs = 60_000): BackgroundTimer {
  return startBackgroundTimer('owner voice analysis', intervalMs, log, async () => {
    for (const tenantId of await companiesWithVoice(db)) {
      const stored = await refreshOwnerVoice(db, tenantId);
      if (stored > 0) log.info({ tenantId, stored }, 'owner comments analysed');
    }
  });
}
