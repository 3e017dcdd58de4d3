/**
 * Group-bot messages for WeCom (企业微信) and DingTalk (钉钉) webhooks, in their markdown formats:
 *   WeCom    {"msgtype":"markdown","markdown":{"content":"..."}}
 *   DingTalk {"msgtype":"markdown","markdown":{"title":"...","text":"..."}}
 * Chinese first, as the groups are the project's and the company's staff.
 */
import { ticketTypes, type TicketType } from '@manyi/core';

export type WebhookFormat = 'wecom' | 'dingtalk';

/** The facts the sweep stores on each outbox row (webhook_deliveries.body). */
export type AlertFacts = {
  kind: 'warning' | 'breach' | 'escalation' | 'update_reminder';
  target: 'response' | 'arrival' | 'resolution' | 'update' | 'visit';
  level: number;
  dueAt: string | null;
  at: string;
  number: string;
  type: string;
  title: string;
  projectName: string;
  location: string;
};

const targetLabels: Record<AlertFacts['target'], string> = {
  response: '响应时限', arrival: '到场时限', resolution: '解决时限', update: '进度告知', visit: '回访时限',
};
const kindLabels: Record<AlertFacts['kind'], string> = {
  warning: '即将超时', breach: '已超时', escalation: '超时升级', update_reminder: '进度告知提醒',
};
const rungLabels = ['客服管家', '项目经理', '品质部/区域', '公司'];

function overdueText(facts: AlertFacts): string {
  if (!facts.dueAt) return '';
  const minutes = Math.max(0, Math.round((new Date(facts.at).getTime() - new Date(facts.dueAt).getTime()) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)} 小时` : `${minutes} 分钟`;
}

function detail(facts: AlertFacts): string {
  const target = targetLabels[facts.target];
  switch (facts.kind) {
    case 'warning':
      return `${target}即将到期,请尽快处理`;
    case 'breach':
      return `${target}已超时 ${overdueText(facts)}`;
    case 'update_reminder':
      return `已超过约定时间未向业主告知进展,请主动联系业主(第 ${facts.level} 次提醒)`;
    case 'escalation':
      return facts.target === 'update'
        ? `持续未向业主告知进展,已升级至${rungLabels[facts.level] ?? '公司'}`
        : `${target}已超时 ${overdueText(facts)},已升级至${rungLabels[facts.level] ?? '公司'}`;
  }
}

/** One line of heading, one quoted line of detail, e.g. **【超时升级】** BX-20261123-0007 投诉 · 绿景苑 3栋1201 */
export function alertMarkdown(facts: AlertFacts): { title: string; text: string } {
  const type = ticketTypes.labels[facts.type as TicketType]?.['zh-CN'] ?? facts.type;
  const place = [facts.projectName, facts.location].filter(Boolean).join(' ');
  const title = `【${kindLabels[facts.kind]}】`;
  return { title, text: `**${title}** ${facts.number} ${type} · ${place}\n> ${detail(facts)}` };
}

export function webhookBody(format: WebhookFormat, facts: AlertFacts): Record<string, unknown> {
  const { title, text } = alertMarkdown(facts);
  return format === 'dingtalk'
    ? { msgtype: 'markdown', markdown: { title: `${title} ${facts.number}`, text } }
    : { msgtype: 'markdown', markdown: { content: text } };
}
