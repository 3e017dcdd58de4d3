import { discStyles, scriptScenarios } from '@manyi/core';
import { describe, expect, it } from 'vitest';
import { checkReply } from './qa/check-reply';
import { qaScore } from './qa/score';

describe('the script library (话术库) against the red-line QA', () => {
  it('has the seed’s scenarios, each with a standard phrasing and one variant per DISC type', () => {
    expect(scriptScenarios.map((scenario) => scenario.title['zh-CN'])).toEqual(
      expect.arrayContaining(['报修受理', '投诉安抚', '催缴物业费', '停水停电告知', '装修违规劝导', '高空抛物排查', '回访']),
    );
    for (const scenario of scriptScenarios) expect(Object.keys(scenario.disc).sort()).toEqual([...discStyles.values].sort());
  });

  it.each(
    scriptScenarios.flatMap((scenario): [string, string, string][] => [
      ['standard', scenario.key, scenario.standard],
      ...Object.entries(scenario.disc).map(([style, text]): [string, string, string] => [style, scenario.key, text]),
    ]),
  )('the %s phrasing of %s crosses no red line', (_style, _key, text) => {
    const check = checkReply(text!);
    expect(check.findings.map((finding) => `${finding.redLine}:${finding.excerpt}`)).toEqual([]);
    expect(qaScore(check)).toBeGreaterThanOrEqual(70);
  });

  it.each(scriptScenarios.map((scenario) => [scenario.key, scenario.cold]))('the cold homework version of %s is flagged', (_key, text) => {
    expect(checkReply(text!).findings.length).toBeGreaterThan(0);
  });
});
