/** Which warmth and pleasure techniques of seed 001 a text uses, and a score out of 100 (weights in config/warmth.ts). */
import { type Label } from '@manyi/core';
import { type CompiledConfig } from '../compile';
import { type WarmthTechnique } from '../config/types';

export type WarmthReport = {
  /** Sum of the weights of the techniques present, 0–100. */
  score: number;
  present: WarmthTechnique['code'][];
  missing: { code: WarmthTechnique['code']; labels: Label; suggestion: string }[];
};

export function warmthOf(text: string, compiledConfig: CompiledConfig): WarmthReport {
  let score = 0;
  const present: WarmthTechnique['code'][] = [];
  const missing: WarmthReport['missing'] = [];
  for (const { technique, patterns } of compiledConfig.warmth) {
    if (patterns.some((pattern) => pattern.test(text))) {
      score += technique.weight;
      present.push(technique.code);
    } else {
      missing.push({ code: technique.code, labels: technique.labels, suggestion: technique.suggestion });
    }
  }
  return { score: Math.min(100, score), present, missing };
}
