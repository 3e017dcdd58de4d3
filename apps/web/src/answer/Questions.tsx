import { kanoAnswers, type KanoAnswer } from '@manyi/core/metrics/vocabulary';
import { localText, notExperienced, type AnswerValue, type Question } from '@manyi/core/surveys/definition';
import type { ReactNode } from 'react';
import type { Locale, Texts } from './texts';

type Option = { value: string | number; label: string; wide?: boolean };

/**
 * A real radio group (or checkbox group) in a fieldset with its legend: screen readers announce
 * the question with each option, arrow keys move between options, Tab to the next question.
 */
function ChoiceGroup(props: {
  name: string;
  legend: ReactNode;
  options: Option[];
  multiple?: boolean;
  compact?: boolean;
  selected: (value: string | number) => boolean;
  onToggle: (value: string | number) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  return (
    <fieldset className="group" aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined}>
      <legend className="group-legend">{props.legend}</legend>
      <div className={props.compact ? 'choices compact' : 'choices'}>
        {props.options.map((option) => (
          <label key={String(option.value)} className={option.wide ? 'choice wide' : 'choice'}>
            <input
              type={props.multiple ? 'checkbox' : 'radio'}
              name={props.name}
              value={String(option.value)}
              checked={props.selected(option.value)}
              onChange={() => props.onToggle(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

function satisfactionOptions(t: Texts, allowNotExperienced: boolean): Option[] {
  const options: Option[] = t.satisfaction.map((label, index) => ({ value: index + 1, label }));
  return allowNotExperienced ? [...options, { value: notExperienced, label: t.notExperienced, wide: true }] : options;
}

/** Numbers only, so 7 and 11 points fit one row at 375 px (issue 15 §6); the ends are named under the row. */
function scaleOptions(points: number): Option[] {
  return range(1, points).map((value) => ({ value, label: String(value) }));
}

type Pair = Record<string, string | number>;
const asPair = (value: AnswerValue | undefined): Pair => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Pair) : {});

export type QuestionProps = {
  question: Question;
  number: number;
  value: AnswerValue | undefined;
  locale: Locale;
  t: Texts;
  error?: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
};

export function QuestionBlock({ question, number, value, locale, t, error, onChange }: QuestionProps) {
  const text = (label: Parameters<typeof localText>[0]) => localText(label, locale);
  const name = `q-${question.key}`;
  const errorId = error ? `${name}-error` : undefined;
  const helpId = question.help ? `${name}-help` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const title = (
    <>
      <span className="number">{number}.</span> {text(question.title)}
      <span className={question.required ? 'tag required' : 'tag'}>{question.required ? t.required : t.optional}</span>
    </>
  );
  const pair = asPair(value);
  const setPart = (part: string, partValue: string | number) => onChange({ ...pair, [part]: partValue } as AnswerValue);

  let body: ReactNode;
  switch (question.type) {
    case 'satisfaction':
      body = (
        <ChoiceGroup
          name={name}
          legend={title}
          options={satisfactionOptions(t, question.allowNotExperienced)}
          selected={(option) => option === value}
          onToggle={onChange}
          describedBy={describedBy}
          invalid={Boolean(error)}
        />
      );
      break;
    case 'nps':
      body = (
        <>
          <ChoiceGroup
            name={name}
            legend={title}
            compact
            options={range(0, 10).map((score) => ({ value: score, label: String(score) }))}
            selected={(option) => option === value}
            onToggle={onChange}
            describedBy={describedBy}
            invalid={Boolean(error)}
          />
          <p className="scale-ends" aria-hidden="true">
            <span>{t.npsLow}</span>
            <span>{t.npsHigh}</span>
          </p>
        </>
      );
      break;
    case 'single':
      body = (
        <ChoiceGroup
          name={name}
          legend={title}
          options={question.options.map((option) => ({ value: option.value, label: text(option.label), wide: true }))}
          selected={(option) => option === value}
          onToggle={onChange}
          describedBy={describedBy}
          invalid={Boolean(error)}
        />
      );
      break;
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : [];
      const toggle = (option: string | number) => {
        const next = chosen.includes(String(option)) ? chosen.filter((item) => item !== option) : [...chosen, String(option)];
        onChange(next.length > 0 ? next : undefined);
      };
      body = (
        <ChoiceGroup
          name={name}
          multiple
          legend={
            <>
              {title}
              {question.maxSelections ? <span className="hint"> {t.chooseAtMost(question.maxSelections)}</span> : null}
            </>
          }
          options={question.options.map((option) => ({ value: option.value, label: text(option.label), wide: true }))}
          selected={(option) => chosen.includes(String(option))}
          onToggle={toggle}
          describedBy={describedBy}
          invalid={Boolean(error)}
        />
      );
      break;
    }
    case 'servqual':
      body = (
        <fieldset className="group" aria-describedby={describedBy} aria-invalid={Boolean(error) || undefined}>
          <legend className="group-legend">{title}</legend>
          <ChoiceGroup
            name={`${name}-expectation`}
            legend={t.expectation}
            compact
            options={scaleOptions(question.scalePoints)}
            selected={(option) => option === pair.expectation}
            onToggle={(option) => setPart('expectation', option)}
          />
          <p className="scale-ends" aria-hidden="true">
            <span>{t.scaleLow}</span>
            <span>{t.scaleHigh}</span>
          </p>
          <ChoiceGroup
            name={`${name}-perception`}
            legend={t.perception}
            compact
            options={scaleOptions(question.scalePoints)}
            selected={(option) => option === pair.perception}
            onToggle={(option) => setPart('perception', option)}
          />
          <p className="scale-ends" aria-hidden="true">
            <span>{t.scaleLow}</span>
            <span>{t.scaleHigh}</span>
          </p>
        </fieldset>
      );
      break;
    case 'kano': {
      const kanoOptions = kanoAnswers.values.map((answer: KanoAnswer) => ({ value: answer, label: kanoAnswers.labels[answer][locale], wide: true }));
      body = (
        <fieldset className="group" aria-describedby={describedBy} aria-invalid={Boolean(error) || undefined}>
          <legend className="group-legend">{title}</legend>
          <ChoiceGroup
            name={`${name}-functional`}
            legend={
              <>
                {t.ifHas} {text(question.functional)}
              </>
            }
            options={kanoOptions}
            selected={(option) => option === pair.functional}
            onToggle={(option) => setPart('functional', option)}
          />
          <ChoiceGroup
            name={`${name}-dysfunctional`}
            legend={
              <>
                {t.ifNot} {text(question.dysfunctional)}
              </>
            }
            options={kanoOptions}
            selected={(option) => option === pair.dysfunctional}
            onToggle={(option) => setPart('dysfunctional', option)}
          />
        </fieldset>
      );
      break;
    }
    case 'matrix':
      body = (
        <fieldset className="group" aria-describedby={describedBy} aria-invalid={Boolean(error) || undefined}>
          <legend className="group-legend">{title}</legend>
          {question.rows.map((row) => (
            <ChoiceGroup
              key={row.key}
              name={`${name}-${row.key}`}
              legend={text(row.label)}
              options={satisfactionOptions(t, question.allowNotExperienced)}
              selected={(option) => option === pair[row.key]}
              onToggle={(option) => setPart(row.key, option)}
            />
          ))}
        </fieldset>
      );
      break;
    case 'text': {
      const written = typeof value === 'string' ? value : '';
      body = (
        <div className="group">
          <label className="group-legend" htmlFor={name}>
            {title}
          </label>
          <textarea
            id={name}
            rows={4}
            maxLength={question.maxLength}
            value={written}
            aria-describedby={describedBy}
            aria-invalid={Boolean(error) || undefined}
            onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          />
          <p className="hint">{t.charactersLeft(question.maxLength - written.length)}</p>
        </div>
      );
      break;
    }
  }
  return (
    <section className={error ? 'question has-error' : 'question'} id={`question-${question.key}`} data-question={question.key}>
      {body}
      {question.help ? (
        <p className="hint" id={helpId}>
          {text(question.help)}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </section>
  );
}
