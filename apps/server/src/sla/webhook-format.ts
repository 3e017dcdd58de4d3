/**
 * Group-bot messages for WeCom (企业微信) and DingTalk (钉钉) webhooks, in their markdown formats:
 *   WeCom    {"msgtype":"markdown","markdown":{"content":"..."}}
 *   DingTalk {"msgtype":"markdown","markdown":{"title":"...","text":"..."}}
 * Chinese first, as the groups are the project's and the company's staff.
 */
import { ticketTypes, type TicketType } from '@manyi/core';
import { alertKinds, alertTargets, escalationRungs, type AlertKind, type AlertTarget } from '@manyi/contracts/sla-alerts';

export type WebhookFormat = 'wecom' | 'dingtalk';

/** The facts the sweep stores on each outbox row (webhook_deliveries.body). */
export type AlertFacts = {
  /** 'test' only for POST /webhooks/:id/test, never stored. */
  kind: AlertKind | 'test';
  target: AlertTarget;
  level: number;
  dueAt: string | null;
  at: string;
  number: string;
  type: string;
  title: string;
  projectName: string;
  location: string;
};

const testLabel = '测试消息';
const rungLabels = escalationRungs.map((rung) => rung['zh-CN']);

function overdueText(facts: AlertFacts): string {
  if (!facts.dueAt) return '';
  const minutes = Math.max(0, Math.round((new Date(facts.at).getTime() - new Date(facts.dueAt).getTime()) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)} 小时` : `${minutes} 分钟`;
}

function detail(facts: AlertFacts): string {
  const target = alertTargets.labels[facts.target]['zh-CN'];
  switch (facts.kind) {
    case 'warning':
      return `${target}即将到期,请尽快处理`;
    case 'breach':
      return `${target}已超时 ${overdueText(facts)}`;
    case 'update_reminder':
      return `已超过约定时间未向业主告知进展,请主动联系业主(第 ${facts.level} 次提醒)`;
    case 'hold_expired':
      return '挂起已到预定恢复时间,请联系业主并恢复处理(系统不会自动恢复)';
    case 'test':
      return '这是一条测试消息:收到即表示群机器人配置正确';
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
  if (facts.kind === 'test') return { title: `【${testLabel}】`, text: `**【${testLabel}】** ${place}\n> ${detail(facts)}` };
  const title = `【${alertKinds.labels[facts.kind]['zh-CN']}】`;
  return { title, text: `**${title}** ${facts.number} ${type} · ${place}\n> ${detail(facts)}` };
}

/**
 * A report announced in the groups (analytics/report-jobs.ts puts it in the same outbox, keyed by
 * the report's id): its title, period and a link to download it in the console.
 */
export type ReportFacts = { kind: 'report'; title: string; period: string; link: string; empty: boolean; at: string };

/** What an outbox row carries: an alert's facts, or a report's. */
export type WebhookFacts = AlertFacts | ReportFacts;

export function reportMarkdown(facts: ReportFacts): { title: string; text: string } {
  const title = '【报告已生成】';
  const note = facts.empty ? '本期没有数据' : '请查阅';
  return { title, text: `**${title}** ${facts.title}\n> ${facts.period} · ${note}：[下载报告](${facts.link})` };
}

export function webhookBody(format: WebhookFormat, facts: WebhookFacts): Record<string, unknown> {
  if (facts.kind === 'report') {
    const { title, text } = reportMarkdown(facts);
    return format === 'dingtalk'
      ? { msgtype: 'markdown', markdown: { title: `${title} ${facts.title}`, text } }
      : { msgtype: 'markdown', markdown: { content: text } };
  }
  const { title, text } = alertMarkdown(facts);
  return format === 'dingtalk'
    ? { msgtype: 'markdown', markdown: { title: [title, facts.number].filter(Boolean).join(' '), text } }
    : { msgtype: 'markdown', markdown: { content: text } };
}
