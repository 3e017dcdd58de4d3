import type { Database } from '@manyi/db';
import pino from 'pino';
import { TestClock } from '../clock';
import { loadConfig } from '../config';
import type { Context } from '../http/context';
import { memorySmsSender } from '../sms/sms-sender';
import type { OwnerPrincipal, StaffPrincipal } from '../http/principal';
import type { FileStorage } from '../storage/file-storage';

/**
 * What the demo's service-desk story runs on: the real services, called with the seed's
 * transaction as their database and a clock the story moves from one moment to the next, so every
 * ticket number, deadline, event, timeline entry and audit row is written by the code that writes
 * them in production, dated when the story says it happened.
 */
export type Story = {
  /** The story's clock: set to each moment before the service call that happens then. */
  clock: TestClock;
  staff(principal: StaffPrincipal): Context<StaffPrincipal>;
  owner(principal: OwnerPrincipal): Context<OwnerPrincipal>;
};

/** The story attaches no photos; a service that tried to store one would be a bug in the story. */
const noFiles: FileStorage = {
  write: () => Promise.reject(new Error('the demo story stores no files')),
  pathOf: () => {
    throw new Error('the demo story stores no files');
  },
  size: () => Promise.reject(new Error('the demo story stores no files')),
  remove: () => Promise.resolve(),
};

export function storyOn(db: Database, start: Date): Story {
  const clock = new TestClock(start);
  const dependencies = {
    db,
    clock,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    sms: memorySmsSender(),
    storage: noFiles,
    log: pino({ level: 'silent' }),
    requestId: 'seed-demo',
    ip: '127.0.0.1',
  };
  return {
    clock,
    staff: (principal) => ({ ...dependencies, principal }),
    owner: (principal) => ({ ...dependencies, principal }),
  };
}
