/**
 * Why the state machine refused an action, as a stable code for the API and a bilingual message
 * for the person at the screen. Messages say what to do next, not only what went wrong, in the
 * warm register seed 001 asks for even towards colleagues.
 */
import { type Label } from '../organisation/vocabulary';
import { vocabulary } from '../organisation/vocabulary';

export const refusalReasons = vocabulary({
  ticket_closed: {
    'zh-CN': '工单已关闭,不能再修改;如问题复发,请重开工单',
    'en-US': 'The ticket is closed and cannot be edited; reopen it if the issue has come back',
  },
  ticket_final: { 'zh-CN': '工单已取消或已合并,不能再操作', 'en-US': 'The ticket was cancelled or merged; no further action is possible' },
  role_not_allowed: { 'zh-CN': '您的角色不能执行此操作', 'en-US': 'Your role does not allow this action' },
  owner_not_allowed: {
    'zh-CN': '业主只能确认或拒绝处理结果,或报告问题复发',
    'en-US': 'Owners can only confirm or reject the result, or report that the issue came back',
  },
  not_reporter: { 'zh-CN': '只有报事业主本人可以确认此工单', 'en-US': 'Only the owner who reported this ticket can confirm it' },
  not_assignee: { 'zh-CN': '此工单未派给您,请联系派单人', 'en-US': 'This ticket is not assigned to you; please contact the dispatcher' },
  invalid_transition: { 'zh-CN': '当前状态下不能执行此操作', 'en-US': 'This action is not possible in the current status' },
  assignee_required: { 'zh-CN': '请先指定处理人', 'en-US': 'Please choose who will handle the ticket first' },
  hold_reason_required: { 'zh-CN': '挂起需要填写原因,以便告知业主', 'en-US': 'A reason is required to put the ticket on hold, so the owner can be told' },
  resume_time_required: { 'zh-CN': '挂起需要填写预计恢复时间', 'en-US': 'An expected resume time is required to put the ticket on hold' },
  resume_time_in_past: { 'zh-CN': '预计恢复时间必须晚于当前时间', 'en-US': 'The expected resume time must be in the future' },
  hold_origin_unknown: { 'zh-CN': '无法确定挂起前的状态,请重新派单', 'en-US': 'The status before the hold is unknown; please reassign the ticket' },
  cancel_reason_required: { 'zh-CN': '取消工单需要填写原因', 'en-US': 'A reason is required to cancel the ticket' },
  reopen_reason_required: { 'zh-CN': '重开工单需要说明原因', 'en-US': 'Please explain why the ticket is reopened' },
  rejection_reason_required: {
    'zh-CN': '业主不满意时请记录原因,以便重新处理',
    'en-US': 'Please record why the owner is not satisfied, so the work can be redone',
  },
  clear_incomplete: { 'zh-CN': '投诉处理记录(CLEAR)不完整', 'en-US': 'The CLEAR complaint-handling record is incomplete' },
  recovery_missing: { 'zh-CN': '投诉需要服务补救记录', 'en-US': 'A complaint needs a service-recovery record' },
  merge_target_required: { 'zh-CN': '请选择要合并到的工单', 'en-US': 'Please choose the ticket to merge into' },
  return_visit_required: {
    'zh-CN': '此工单需要先回访业主,回访确认后才能关闭',
    'en-US': 'This ticket needs a return visit; it can be closed once the owner has confirmed',
  },
  merge_into_self: { 'zh-CN': '工单不能合并到自身', 'en-US': 'A ticket cannot be merged into itself' },
});
export type RefusalCode = (typeof refusalReasons.values)[number];

export type Refusal = { ok: false; code: RefusalCode; labels: Label };

/** A refusal whose message may carry a detail, e.g. the CLEAR steps that are still missing. */
export function refuse(code: RefusalCode, detail?: Label): Refusal {
  const base = refusalReasons.labels[code];
  if (!detail) return { ok: false, code, labels: base };
  return {
    ok: false,
    code,
    labels: { 'zh-CN': `${base['zh-CN']}:${detail['zh-CN']}`, 'en-US': `${base['en-US']}: ${detail['en-US']}` },
  };
}
