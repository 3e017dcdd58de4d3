import { visibleQuestions } from '@manyi/core/surveys/answers';
import { localText, type Answers, type AnswerValue, type Question, type SurveyDefinition } from '@manyi/core/surveys/definition';
import { useEffect, type ReactNode } from 'react';
import { QuestionBlock } from './Questions';
import { storePreferences, type Preferences } from './storage';
import { texts, type Texts } from './texts';

/** Whether a question counts as answered for the progress bar: every part of a pair or matrix. */
function isAnswered(question: Question, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (question.type === 'matrix') return question.rows.every((row) => (value as Record<string, unknown>)[row.key] !== undefined);
  if (question.type === 'servqual') return 'expectation' in (value as object) && 'perception' in (value as object);
  if (question.type === 'kano') return 'functional' in (value as object) && 'dysfunctional' in (value as object);
  return true;
}

/** Large text and language: applied to the whole document and remembered on the phone. */
export function usePreferences(preferences: Preferences): void {
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', preferences.largeText);
    document.documentElement.lang = preferences.locale;
    storePreferences(preferences);
  }, [preferences]);
}

export function Toolbar({ preferences, onChange }: { preferences: Preferences; onChange: (preferences: Preferences) => void }) {
  const t = texts[preferences.locale];
  return (
    <div className="toolbar">
      <button
        type="button"
        className="tool"
        aria-pressed={preferences.largeText}
        onClick={() => onChange({ ...preferences, largeText: !preferences.largeText })}
        data-testid="large-text"
      >
        {t.largeText}
      </button>
      <button
        type="button"
        className="tool"
        lang={preferences.locale === 'zh-CN' ? 'en-US' : 'zh-CN'}
        onClick={() => onChange({ ...preferences, locale: preferences.locale === 'zh-CN' ? 'en-US' : 'zh-CN' })}
        data-testid="language"
      >
        {t.language}
      </button>
    </div>
  );
}

/** A full-page message: unknown link, closed, already answered, thanks… */
export function Screen({
  title,
  body,
  tone = 'info',
  children,
  testId,
}: {
  title: string;
  body?: string;
  tone?: 'info' | 'done' | 'warning';
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <main className="page screen" data-testid={testId}>
      <div className={`screen-icon ${tone}`} aria-hidden="true">
        {tone === 'done' ? '✓' : tone === 'warning' ? '!' : 'i'}
      </div>
      <h1>{title}</h1>
      {body ? <p>{body}</p> : null}
      {children}
    </main>
  );
}

/**
 * One long page with a progress bar rather than one question per screen: for a short owner
 * questionnaire (≤ 15 items) scrolling was answered faster with no more break-offs than paging
 * (Peytchev, Couper, McCabe & Crawford 2006, Public Opinion Quarterly 70(4)), and older owners can
 * look back at what they answered without hunting for a Back button. Skip logic shows and hides
 * questions in place as answers change.
 */
export function Survey(props: {
  definition: SurveyDefinition;
  answers: Answers;
  errors: Record<string, string>;
  preferences: Preferences;
  onPreferences: (preferences: Preferences) => void;
  onAnswer: (key: string, value: AnswerValue | undefined) => void;
  header?: ReactNode;
  footer: ReactNode;
}) {
  const { definition, answers, preferences } = props;
  const t: Texts = texts[preferences.locale];
  const visible = visibleQuestions(definition, answers);
  const answered = visible.filter((question) => isAnswered(question, answers[question.key])).length;
  const percent = visible.length === 0 ? 0 : Math.round((answered / visible.length) * 100);
  return (
    <main className="page">
      <header className="survey-header">
        <Toolbar preferences={preferences} onChange={props.onPreferences} />
        <h1>{localText(definition.title, preferences.locale)}</h1>
        {props.header}
        {definition.intro ? <p className="intro">{localText(definition.intro, preferences.locale)}</p> : null}
      </header>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={visible.length}
        aria-valuenow={answered}
        aria-label={t.progress(answered, visible.length)}
      >
        <div className="progress-bar">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="progress-text">{t.progress(answered, visible.length)}</span>
      </div>
      <form noValidate onSubmit={(event) => event.preventDefault()}>
        {visible.map((question, index) => (
          <QuestionBlock
            key={question.key}
            question={question}
            number={index + 1}
            value={answers[question.key]}
            locale={preferences.locale}
            t={t}
            error={props.errors[question.key]}
            onChange={(value) => props.onAnswer(question.key, value)}
          />
        ))}
        {props.footer}
      </form>
    </main>
  );
}

/** Answers with one question changed; an emptied answer is removed rather than stored as empty. */
export function withAnswer(answers: Answers, key: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
