/**
 * The closed vocabularies of the service desk (DESIGN §3 "ticket"), with Chinese and English
 * labels, built the same way as organisation/vocabulary.ts so that the server schemas and the
 * console always agree on the list of values.
 */
import { vocabulary } from '../organisation/vocabulary';

/** The six kinds of owner contact a Chinese property service desk records (DESIGN §3). */
export const ticketTypes = vocabulary({
  repair: { 'zh-CN': '报修', 'en-US': 'Repair' },
  complaint: { 'zh-CN': '投诉', 'en-US': 'Complaint' },
  inquiry: { 'zh-CN': '咨询', 'en-US': 'Inquiry' },
  suggestion: { 'zh-CN': '建议', 'en-US': 'Suggestion' },
  praise: { 'zh-CN': '表扬', 'en-US': 'Praise' },
  common_area: { 'zh-CN': '公区报事', 'en-US': 'Common-area report' },
});
export type TicketType = (typeof ticketTypes.values)[number];

/**
 * Where a contact came in. Seed 003 (首问负责, 全员客服) says any staff member who hears an issue
 * owns it, so staff-originated channels (patrol, WeCom) sit beside the owner-facing ones; seed 002
 * names owner meetings (业主见面会) and seed 001 案例三 the company's supervision hotline.
 */
export const ticketChannels = vocabulary({
  hotline: { 'zh-CN': '400热线', 'en-US': '400 hotline' },
  owner_h5: { 'zh-CN': '业主H5', 'en-US': 'Owner mobile page' },
  front_desk: { 'zh-CN': '前台', 'en-US': 'Front desk' },
  walk_in: { 'zh-CN': '上门', 'en-US': 'Walk-in' },
  owner_meeting: { 'zh-CN': '业主见面会', 'en-US': 'Owner meeting' },
  supervision_hotline: { 'zh-CN': '服务监督热线', 'en-US': 'Service supervision hotline' },
  gov_12345: { 'zh-CN': '12345政务热线转办', 'en-US': '12345 government hotline referral' },
  patrol: { 'zh-CN': '巡检', 'en-US': 'Patrol / inspection' },
  wecom: { 'zh-CN': '企业微信', 'en-US': 'WeCom' },
  // Opened by the survey closed loop (issue 4 §7) from a detractor's or a dissatisfied owner's answers, not by a contact.
  survey: { 'zh-CN': '调查回访', 'en-US': 'Survey follow-up' },
});
export type TicketChannel = (typeof ticketChannels.values)[number];

export const ticketPriorities = vocabulary({
  urgent: { 'zh-CN': '紧急', 'en-US': 'Urgent' },
  high: { 'zh-CN': '高', 'en-US': 'High' },
  normal: { 'zh-CN': '普通', 'en-US': 'Normal' },
  low: { 'zh-CN': '低', 'en-US': 'Low' },
});
export type TicketPriority = (typeof ticketPriorities.values)[number];

/** Seed 000 and 001 teach a different strategy for each scope: 公共服务/个案/群体 投诉. */
export const complaintScopes = vocabulary({
  public: { 'zh-CN': '公共服务', 'en-US': 'Public service' },
  individual: { 'zh-CN': '个案', 'en-US': 'Individual case' },
  group: { 'zh-CN': '群体', 'en-US': 'Group' },
});
export type ComplaintScope = (typeof complaintScopes.values)[number];

/** DESIGN §3 status machine; the transitions live in state-machine.ts. */
export const ticketStatuses = vocabulary({
  new: { 'zh-CN': '新建', 'en-US': 'New' },
  accepted: { 'zh-CN': '已受理', 'en-US': 'Accepted' },
  assigned: { 'zh-CN': '已派单', 'en-US': 'Assigned' },
  in_progress: { 'zh-CN': '处理中', 'en-US': 'In progress' },
  on_hold: { 'zh-CN': '挂起', 'en-US': 'On hold' },
  resolved: { 'zh-CN': '已办结', 'en-US': 'Resolved' },
  visited: { 'zh-CN': '已回访', 'en-US': 'Visited' },
  closed: { 'zh-CN': '已关闭', 'en-US': 'Closed' },
  reopened: { 'zh-CN': '已重开', 'en-US': 'Reopened' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
  merged: { 'zh-CN': '已合并', 'en-US': 'Merged' },
});
export type TicketStatus = (typeof ticketStatuses.values)[number];

export const ticketActions = vocabulary({
  accept: { 'zh-CN': '受理', 'en-US': 'Accept' },
  assign: { 'zh-CN': '派单', 'en-US': 'Assign' },
  start: { 'zh-CN': '开始处理', 'en-US': 'Start work' },
  hold: { 'zh-CN': '挂起', 'en-US': 'Put on hold' },
  resume: { 'zh-CN': '恢复', 'en-US': 'Resume' },
  resolve: { 'zh-CN': '办结', 'en-US': 'Resolve' },
  visit: { 'zh-CN': '回访', 'en-US': 'Return visit' },
  close: { 'zh-CN': '关闭', 'en-US': 'Close' },
  reopen: { 'zh-CN': '重开', 'en-US': 'Reopen' },
  cancel: { 'zh-CN': '取消', 'en-US': 'Cancel' },
  merge: { 'zh-CN': '合并', 'en-US': 'Merge' },
});
export type TicketAction = (typeof ticketActions.values)[number];

/** Statuses in which nothing more happens to the ticket itself (a closed one may still be reopened). */
export const finalStatuses: readonly TicketStatus[] = ['closed', 'cancelled', 'merged'];

/** Statuses that count as "still open" for backlogs, ageing and group detection. */
export const openStatuses: readonly TicketStatus[] = ['new', 'accepted', 'assigned', 'in_progress', 'on_hold', 'reopened'];
