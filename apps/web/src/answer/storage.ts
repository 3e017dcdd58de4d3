import type { Answers, SurveyDefinition } from '@manyi/core/surveys/definition';
import type { Locale } from './texts';

/**
 * Everything the page keeps on the phone, so an answer is never lost (issue 4 §4): every change is
 * written here at once, before any network call. Keyed by the answer token, so two links on one
 * phone (two flats) never mix.
 */
export type LocalDraft = {
  answers: Answers;
  /** Milliseconds since epoch of the last change on this phone, to merge with the server's draft on reopening. */
  changedAt: number;
  /** Counts changes; the server has the answers up to syncedRevision. A counter, not a time, so a phone clock that is off cannot hide a change. */
  revision: number;
  syncedRevision: number;
  startedAt: string;
  /**
   * A submission in flight: its key and the exact answers sent. A retry after a network error
   * reuses both, so the server replays the first result instead of acting twice; a change of any
   * answer drops it, and the next submission gets a new key.
   */
  pendingSubmit?: { idempotencyKey: string; answers: Answers } | undefined;
  /** The last questionnaire seen, so the page can still show it when the network fails on reopening. */
  view?: { definition: SurveyDefinition; campaignName: string; householdLabel: string; closesAt: string | null } | undefined;
};

const draftKey = (token: string) => `manyi.answer.${token}`;

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full storage: the server draft is then the only copy; nothing else to do.
  }
}

export const loadDraft = (token: string) => read<LocalDraft>(draftKey(token));
export const storeDraft = (token: string, draft: LocalDraft) => write(draftKey(token), draft);
export const clearDraft = (token: string) => {
  try {
    localStorage.removeItem(draftKey(token));
  } catch {
    // See write().
  }
};

/**
 * Server draft and phone draft together on reopening: the newer side wins for a question both
 * answered, and a question only one side has is kept.
 */
export function mergeDrafts(server: { answers: Answers; savedAt: string | null }, local: LocalDraft | undefined): Answers {
  if (!local) return server.answers;
  const serverTime = server.savedAt ? Date.parse(server.savedAt) : 0;
  return local.changedAt >= serverTime ? { ...server.answers, ...local.answers } : { ...local.answers, ...server.answers };
}

export type Preferences = { largeText: boolean; locale: Locale };
const preferencesKey = 'manyi.answer.preferences';

export function loadPreferences(): Preferences {
  const stored = read<Partial<Preferences>>(preferencesKey);
  const locale = stored?.locale === 'en-US' ? 'en-US' : 'zh-CN';
  return { largeText: stored?.largeText === true, locale };
}

export const storePreferences = (preferences: Preferences) => write(preferencesKey, preferences);

/** A random key; crypto.randomUUID only exists on https or localhost, and owners may open plain-http intranet links. */
export { randomKey } from '../api/idempotency';
