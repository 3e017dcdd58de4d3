import { describe, expect, it } from 'vitest';
import { clearSteps, missingClearSteps, missingRecoveryParts } from './complaint-records';
import { incidentKinds, incidentStatuses } from './incidents';
import { refusalReasons } from './refusals';
import { complaintScopes, openStatuses, ticketActions, ticketChannels, ticketPriorities, ticketStatuses, ticketTypes } from './vocabulary';

describe('service-desk vocabularies', () => {
  it.each([
    ['types', ticketTypes, ['repair', 'complaint', 'inquiry', 'suggestion', 'praise', 'common_area']],
    ['priorities', ticketPriorities, ['urgent', 'high', 'normal', 'low']],
    ['scopes', complaintScopes, ['public', 'individual', 'group']],
    ['incident kinds', incidentKinds, ['group', 'planned', 'emergency']],
    ['incident statuses', incidentStatuses, ['proposed', 'confirmed', 'dismissed', 'draft', 'published', 'closed']],
  ] as const)('lists the %s in order', (_name, vocabulary, values) => {
    expect(vocabulary.values).toEqual(values);
  });

  it('has eleven statuses, eleven actions and ten channels, all labelled in both languages', () => {
    expect(ticketStatuses.values).toHaveLength(11);
    expect(ticketActions.values).toHaveLength(11);
    expect(ticketChannels.values).toHaveLength(10);
    for (const vocabulary of [
      ticketTypes,
      ticketChannels,
      ticketPriorities,
      complaintScopes,
      ticketStatuses,
      ticketActions,
      clearSteps,
      refusalReasons,
      incidentKinds,
      incidentStatuses,
    ]) {
      for (const value of vocabulary.values) {
        const labels: Record<string, { 'zh-CN': string; 'en-US': string }> = vocabulary.labels;
        expect(labels[value]?.['zh-CN']).toBeTruthy();
        expect(labels[value]?.['en-US']).toBeTruthy();
      }
    }
    expect(ticketChannels.labels.gov_12345['zh-CN']).toBe('12345政务热线转办');
  });

  it('counts on_hold and reopened as open, resolved as not', () => {
    expect(openStatuses).toContain('on_hold');
    expect(openStatuses).toContain('reopened');
    expect(openStatuses).not.toContain('resolved');
  });
});

describe('CLEAR and recovery records', () => {
  it('treats blank text and a missing promise time as missing', () => {
    expect(missingClearSteps(null)).toEqual(['control', 'listen', 'establish', 'apologize', 'resolve']);
    expect(
      missingClearSteps({
        controlNote: '已安抚',
        listenSummary: ' ',
        empathyStatement: '理解您的心情',
        apology: '抱歉',
        resolvePlan: '明天修复',
        promisedAt: null,
      }),
    ).toEqual(['listen', 'resolve']);
    expect(missingRecoveryParts({ emotionalRecovery: '上门致歉', problemRecovery: '' })).toEqual(['problem']);
  });
});
