import { checkAnswers } from '@manyi/core/surveys/answers';
import type { Answers, SurveyDefinition } from '@manyi/core/surveys/definition';
import { useEffect, useRef, useState } from 'react';
import type { Preferences } from './storage';
import { Screen, Survey, withAnswer } from './Survey';
import { texts, type Locale } from './texts';

export type PreviewMessage = { type: 'manyi-survey-preview'; definition: SurveyDefinition; locale?: Locale };

const isPreviewMessage = (data: unknown): data is PreviewMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as { type?: unknown }).type === 'manyi-survey-preview' &&
  typeof (data as { definition?: unknown }).definition === 'object' &&
  Array.isArray((data as PreviewMessage).definition?.questions);

/**
 * /s/preview: the survey designer embeds this page in a 375 px frame and posts the definition as
 * it is edited. No token and no server call; answers stay in memory so the designer can try the
 * skip logic and the required checks. Only messages from this origin are read.
 */
export function PreviewPage({ preferences, onPreferences }: { preferences: Preferences; onPreferences: (preferences: Preferences) => void }) {
  const [definition, setDefinition] = useState<SurveyDefinition | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const t = texts[preferences.locale];

  // The handler reads the latest preferences through a ref, so it is registered (and "ready" sent) once.
  const preferencesRef = useRef(preferences);
  useEffect(() => {
    preferencesRef.current = preferences;
  }, [preferences]);
  useEffect(() => {
    const receive = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isPreviewMessage(event.data)) return;
      setDefinition(event.data.definition);
      const locale = event.data.locale;
      if ((locale === 'zh-CN' || locale === 'en-US') && locale !== preferencesRef.current.locale) onPreferences({ ...preferencesRef.current, locale });
    };
    window.addEventListener('message', receive);
    if (window.parent !== window) window.parent.postMessage({ type: 'manyi-survey-preview-ready' }, window.location.origin);
    return () => window.removeEventListener('message', receive);
  }, [onPreferences]);

  if (!definition) return <Screen title={t.previewWaiting} testId="preview-waiting" />;
  const check = () => {
    const found: Record<string, string> = {};
    for (const issue of checkAnswers(definition, answers, true).issues) found[issue.questionKey] ??= t.questionError[issue.code];
    setErrors(found);
  };
  return (
    <Survey
      definition={definition}
      answers={answers}
      errors={errors}
      preferences={preferences}
      onPreferences={onPreferences}
      onAnswer={(key, value) => setAnswers((previous) => withAnswer(previous, key, value))}
      header={
        <p className="banner" role="note">
          {t.previewBanner}
        </p>
      }
      footer={
        <div className="footer">
          <button type="button" className="submit" onClick={check}>
            {t.submit}
          </button>
        </div>
      }
    />
  );
}
