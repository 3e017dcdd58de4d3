import { checkAnswers } from '@manyi/core/surveys/answers';
import type { AnswerValue } from '@manyi/core/surveys/definition';
import { fetchAnswerView, fieldErrors, saveDraftOnServer, submitOnServer, type Problem } from './api';
import { clearDraft, loadDraft, mergeDrafts, randomKey, storeDraft, type LocalDraft } from './storage';
import { withAnswer } from './Survey';
import { texts, type Locale } from './texts';

export type Phase = 'loading' | 'network' | 'unknown' | 'not_open' | 'closed' | 'quota_full' | 'completed' | 'answering' | 'thanks';
export type SaveState = 'idle' | 'local' | 'saving' | 'saved' | 'offline';
export type SubmitState = 'idle' | 'submitting' | 'offline' | 'failed';

export type SessionState = {
  phase: Phase;
  draft: LocalDraft | undefined;
  /** Question key → message. */
  errors: Record<string, string>;
  announcement: string;
  saveState: SaveState;
  submitState: SubmitState;
};

/** Changes go to the server this long after the last tap; the phone has them at once anyway. */
const draftDelayMs = 1500;
const retryDelayMs = 5000;

function phaseOf(problem: Problem): Phase | undefined {
  if (problem.code === 'answer_link_unknown') return 'unknown';
  if (problem.code === 'answer_not_open') return 'not_open';
  if (problem.code === 'answer_closed') return 'closed';
  if (problem.code === 'quota_full') return 'quota_full';
  if (problem.code === 'answer_completed') return 'completed';
  return undefined;
}

/**
 * One owner's answer link, outside React so timers and network callbacks always see the latest
 * draft. The rule (issue 4 §4 "never loses an answer"): every change is written to the phone first,
 * then uploaded as a draft after a short pause; a submission carries an Idempotency-Key made once
 * per attempt and kept with the exact answers in the phone's draft, so retries after a network
 * error — automatic, or after a reload — reuse it and the server answers with the first result.
 */
export class AnswerSession {
  private state: SessionState;
  private saveTimer: number | undefined;
  private submitTimer: number | undefined;
  private loadTimer: number | undefined;
  /** Whether the server's copy has been merged in; until then nothing is uploaded, so a draft from another phone is not overwritten. */
  private loaded = false;
  private disposed = false;
  private locale: Locale;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly token: string,
    locale: Locale,
  ) {
    this.locale = locale;
    this.state = { phase: 'loading', draft: loadDraft(token), errors: {}, announcement: '', saveState: 'idle', submitState: 'idle' };
  }

  /** For React's useSyncExternalStore. */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.state;

  setLocale(locale: Locale): void {
    this.locale = locale;
  }

  private set(patch: Partial<SessionState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private keep(draft: LocalDraft): void {
    storeDraft(this.token, draft);
    this.set({ draft });
  }

  private finish(phase: Phase): void {
    window.clearTimeout(this.saveTimer);
    window.clearTimeout(this.submitTimer);
    // Answered, closed or unknown: nothing on the phone is worth keeping any more.
    clearDraft(this.token);
    this.set({ phase });
  }

  private readonly online = () => {
    if (!this.loaded) void this.load();
    else if (this.state.draft?.pendingSubmit) void this.send();
    else void this.syncDraft();
  };

  start(): void {
    this.disposed = false;
    window.addEventListener('online', this.online);
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
    window.removeEventListener('online', this.online);
    window.clearTimeout(this.saveTimer);
    window.clearTimeout(this.submitTimer);
    window.clearTimeout(this.loadTimer);
  }

  private async load(): Promise<void> {
    window.clearTimeout(this.loadTimer);
    const result = await fetchAnswerView(this.token, this.locale);
    const local = this.state.draft;
    if (result.ok) {
      this.loaded = true;
      const view = result.value;
      // Changes made on this phone that the server has not confirmed stay marked for upload, now merged with the server's draft.
      const revision = local?.revision ?? 0;
      this.keep({
        answers: mergeDrafts(view, local),
        startedAt: local?.startedAt ?? new Date().toISOString(),
        pendingSubmit: local?.pendingSubmit,
        changedAt: local?.changedAt ?? 0,
        revision,
        syncedRevision: local && local.revision > local.syncedRevision ? local.syncedRevision : revision,
        view: { definition: view.definition, campaignName: view.campaign.name, householdLabel: view.household.label, closesAt: view.campaign.closesAt },
      });
      this.set({ phase: 'answering' });
      // A submission that never got its answer is sent again with the same key; otherwise unsent changes are uploaded.
      if (local?.pendingSubmit) void this.send();
      else void this.syncDraft();
      return;
    }
    if (result.network) {
      // Offline on reopening: the questionnaire kept on the phone is enough to go on answering.
      this.set(local?.view ? { phase: 'answering', saveState: 'offline' } : { phase: 'network' });
      this.loadTimer = window.setTimeout(() => void this.load(), retryDelayMs);
      return;
    }
    // A link answered from this phone whose confirmation was lost is the owner's own submission: thank them.
    const phase = phaseOf(result.problem) ?? 'unknown';
    this.finish(phase === 'completed' && local?.pendingSubmit ? 'thanks' : phase);
  }

  answer(key: string, value: AnswerValue | undefined): void {
    const current = this.state.draft;
    if (!current) return;
    // A change after a failed submission makes a new submission: the old key goes with its old answers.
    this.keep({
      ...current,
      answers: withAnswer(current.answers, key, value),
      changedAt: Date.now(),
      revision: current.revision + 1,
      pendingSubmit: undefined,
    });
    const errors = { ...this.state.errors };
    delete errors[key];
    window.clearTimeout(this.submitTimer);
    this.set({ errors, saveState: 'local', submitState: 'idle' });
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.syncDraft(), draftDelayMs);
  }

  private async syncDraft(): Promise<void> {
    const sent = this.state.draft;
    if (!this.loaded || !sent || sent.revision <= sent.syncedRevision || sent.pendingSubmit || this.state.phase !== 'answering') return;
    this.set({ saveState: 'saving' });
    const result = await saveDraftOnServer(this.token, sent.answers, this.locale);
    const latest = this.state.draft;
    if (result.ok) {
      if (latest) this.keep({ ...latest, syncedRevision: Math.max(latest.syncedRevision, sent.revision) });
      this.set({ saveState: latest && latest.revision > sent.revision ? 'local' : 'saved' });
      return;
    }
    if (!result.network) {
      const phase = phaseOf(result.problem);
      if (phase) return this.finish(phase);
      if (result.problem.status === 422) this.set({ errors: fieldErrors(result.problem) });
    }
    this.set({ saveState: 'offline' });
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.syncDraft(), retryDelayMs * 2);
  }

  /** Checks on the phone first (the same rules as the server), then sends; returns the key of the first question to fix. */
  submit(): string | undefined {
    const current = this.state.draft;
    if (!current?.view) return undefined;
    const t = texts[this.locale];
    const check = checkAnswers(current.view.definition, current.answers, true);
    if (check.issues.length > 0) {
      const errors: Record<string, string> = {};
      for (const issue of check.issues) errors[issue.questionKey] ??= t.questionError[issue.code];
      this.set({ errors, announcement: t.fixErrors(Object.keys(errors).length) });
      return check.issues[0]!.questionKey;
    }
    window.clearTimeout(this.saveTimer);
    this.keep({ ...current, pendingSubmit: current.pendingSubmit ?? { idempotencyKey: randomKey(), answers: check.answers } });
    void this.send();
    return undefined;
  }

  async send(): Promise<void> {
    const current = this.state.draft;
    const pending = current?.pendingSubmit;
    if (!current || !pending) return;
    window.clearTimeout(this.submitTimer);
    this.set({ submitState: 'submitting' });
    const result = await submitOnServer(this.token, { answers: pending.answers, startedAt: current.startedAt }, pending.idempotencyKey, this.locale);
    if (result.ok) return this.finish('thanks');
    const retry = (submitState: SubmitState, delay: number) => {
      this.set({ submitState });
      this.submitTimer = window.setTimeout(() => void this.send(), delay);
    };
    if (result.network) return retry('offline', retryDelayMs);
    const problem = result.problem;
    const phase = phaseOf(problem);
    if (phase) return this.finish(phase);
    if (problem.code === 'idempotency_in_progress') return retry('submitting', 2000);
    // Anything else ends this attempt: the next press starts a new one with a new key.
    const latest = this.state.draft;
    if (latest) this.keep({ ...latest, pendingSubmit: undefined });
    if (problem.status === 422 && problem.code === 'validation') {
      this.set({ submitState: 'idle', errors: fieldErrors(problem), announcement: texts[this.locale].fixErrors(problem.errors?.length ?? 1) });
      return;
    }
    this.set({ submitState: 'failed' });
  }
}
