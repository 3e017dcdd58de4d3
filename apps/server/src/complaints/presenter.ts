import { missingClearSteps, missingRecoveryParts, type ClearStep } from '@manyi/core';
import type { TicketEventRow } from '../tickets/repository';
import type { ClearRow, RecoveryRow } from '../tickets/complaint-records';

const stepFields: Record<ClearStep, (keyof ClearRow)[]> = {
  control: ['controlNote'],
  listen: ['listenSummary'],
  establish: ['empathyStatement'],
  apologize: ['apology'],
  resolve: ['resolvePlan', 'promisedAt'],
};

/** The CLEAR record with, per step, whether it is done and who saved it last and when (from the ticket's events). */
export function presentClear(row: ClearRow, events: TicketEventRow[]) {
  const missing = missingClearSteps(row);
  const savedBy = (step: ClearStep) =>
    events.filter((event) => event.kind === 'clear_saved').findLast((event) => ((event.data as { steps?: string[] } | null)?.steps ?? []).includes(step));
  const state = (step: ClearStep) => {
    const event = savedBy(step);
    return { done: !missing.includes(step), savedBy: event ? event.actorName : null, savedAt: event ? event.at : null };
  };
  return {
    controlNote: row.controlNote,
    listenSummary: row.listenSummary,
    empathyStatement: row.empathyStatement,
    apology: row.apology,
    resolvePlan: row.resolvePlan,
    promisedAt: row.promisedAt,
    steps: { control: state('control'), listen: state('listen'), establish: state('establish'), apologize: state('apologize'), resolve: state('resolve') },
    complete: missing.length === 0,
    updatedAt: row.updatedAt,
  };
}

export function stepsTouched(fields: Partial<ClearRow>): ClearStep[] {
  return (Object.keys(stepFields) as ClearStep[]).filter((step) => stepFields[step].some((field) => fields[field] !== undefined));
}

export function presentRecovery(row: RecoveryRow, names: Map<string, string>) {
  return {
    emotionalRecovery: row.emotionalRecovery,
    problemRecovery: row.problemRecovery,
    compensation: row.compensation,
    lessonLearned: row.lessonLearned,
    complete: missingRecoveryParts(row).length === 0,
    updatedBy: row.updatedById ? (names.get(row.updatedById) ?? null) : null,
    updatedAt: row.updatedAt,
  };
}
