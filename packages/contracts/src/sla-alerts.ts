/**
 * The kinds and targets of ticket_alerts with their Chinese and English labels: the console bell
 * (GET /alerts) and the group-bot messages (webhook-format.ts) read the same words.
 */
import { vocabulary } from '@manyi/core';

export const alertKinds = vocabulary({
  warning: { 'zh-CN': '即将超时', 'en-US': 'Due soon' },
  breach: { 'zh-CN': '已超时', 'en-US': 'Overdue' },
  escalation: { 'zh-CN': '超时升级', 'en-US': 'Escalated' },
  update_reminder: { 'zh-CN': '进度告知提醒', 'en-US': 'Owner update due' },
  hold_expired: { 'zh-CN': '挂起到期', 'en-US': 'Hold expired' },
});
export type AlertKind = (typeof alertKinds.values)[number];

export const alertTargets = vocabulary({
  response: { 'zh-CN': '响应时限', 'en-US': 'First response' },
  arrival: { 'zh-CN': '到场时限', 'en-US': 'On-site arrival' },
  resolution: { 'zh-CN': '解决时限', 'en-US': 'Resolution' },
  update: { 'zh-CN': '进度告知', 'en-US': 'Owner update' },
  visit: { 'zh-CN': '回访时限', 'en-US': 'Return visit' },
  hold: { 'zh-CN': '挂起', 'en-US': 'Hold' },
});
export type AlertTarget = (typeof alertTargets.values)[number];

/** Rungs of the escalation ladder, as ticket_alerts.level of an escalation (escalation-ladder.ts). */
export const escalationRungs = [
  { 'zh-CN': '客服管家', 'en-US': 'Steward' },
  { 'zh-CN': '项目经理', 'en-US': 'Project manager' },
  { 'zh-CN': '品质部/区域', 'en-US': 'Quality / region' },
  { 'zh-CN': '公司', 'en-US': 'Company' },
] as const;
