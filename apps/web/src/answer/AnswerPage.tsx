import { useEffect, useState, useSyncExternalStore } from 'react';
import { AnswerSession } from './session';
import type { Preferences } from './storage';
import { Screen, Survey } from './Survey';
import { texts } from './texts';

export function AnswerPage({
  token,
  preferences,
  onPreferences,
}: {
  token: string;
  preferences: Preferences;
  onPreferences: (preferences: Preferences) => void;
}) {
  const t = texts[preferences.locale];
  const [session] = useState(() => new AnswerSession(token, preferences.locale));
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);

  useEffect(() => {
    session.start();
    return () => session.dispose();
  }, [session]);
  useEffect(() => {
    session.setLocale(preferences.locale);
  }, [session, preferences.locale]);

  const { phase, draft, errors, saveState, submitState } = state;
  if (phase === 'loading') return <Screen title={t.loading} testId="answer-loading" />;
  if (phase === 'network') return <Screen title={t.networkTitle} body={t.networkBody} tone="warning" testId="answer-network" />;
  if (phase === 'unknown') return <Screen title={t.unknownTitle} body={t.unknownBody} tone="warning" testId="answer-unknown" />;
  if (phase === 'not_open') return <Screen title={t.notOpenTitle} body={t.notOpenBody} testId="answer-not-open" />;
  if (phase === 'closed') return <Screen title={t.closedTitle} body={t.closedBody} testId="answer-closed" />;
  if (phase === 'quota_full') return <Screen title={t.quotaTitle} body={t.quotaBody} testId="answer-quota-full" />;
  if (phase === 'completed') return <Screen title={t.completedTitle} body={t.completedBody} tone="done" testId="answer-completed" />;
  if (phase === 'thanks') return <Screen title={t.thanksTitle} body={t.thanksBody} tone="done" testId="answer-thanks" />;
  const view = draft?.view;
  if (!draft || !view) return <Screen title={t.networkTitle} body={t.networkBody} tone="warning" />;

  const submit = () => {
    const firstProblem = session.submit();
    if (firstProblem) document.querySelector<HTMLElement>(`#question-${CSS.escape(firstProblem)} :is(input, textarea)`)?.focus();
  };
  const saveMessage = { idle: '', local: t.savedLocal, saving: t.saving, saved: t.savedServer, offline: t.offline }[saveState];
  const submitMessage = { idle: '', submitting: t.submitting, offline: t.submitOffline, failed: t.submitFailed }[submitState];
  const closes = view.closesAt
    ? new Date(view.closesAt).toLocaleString(preferences.locale, {
        timeZone: 'Asia/Shanghai',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : null;
  const failed = submitState === 'offline' || submitState === 'failed';
  return (
    <Survey
      definition={view.definition}
      answers={draft.answers}
      errors={errors}
      preferences={preferences}
      onPreferences={onPreferences}
      onAnswer={(key, value) => session.answer(key, value)}
      header={
        <dl className="facts">
          <div>
            <dt>{t.household}</dt>
            <dd data-testid="household-label">{view.householdLabel}</dd>
          </div>
          {closes ? (
            <div>
              <dt>{t.closesAt}</dt>
              <dd>{closes}</dd>
            </div>
          ) : null}
        </dl>
      }
      footer={
        <div className="footer">
          <p className="error-summary" role="alert" data-testid="error-summary">
            {Object.keys(errors).length > 0 ? state.announcement : ''}
          </p>
          <p className={failed ? 'status warning' : 'status'} role="status" aria-live="polite" data-testid="submit-status">
            {submitMessage}
          </p>
          <button type="button" className="submit" onClick={submit} disabled={submitState === 'submitting'} data-testid="submit">
            {submitState === 'submitting' ? t.submitting : t.submit}
          </button>
          {failed ? (
            <button type="button" className="link" onClick={() => void session.send()}>
              {t.retryNow}
            </button>
          ) : null}
          <p className={saveState === 'offline' ? 'status warning' : 'status'} role="status" aria-live="polite" data-testid="save-status">
            {saveMessage}
          </p>
        </div>
      }
    />
  );
}
