import type { Label } from '@manyi/core';

/** Service-desk texts the state machine of core does not already provide. */
export const ticketMessages = {
  ticket_stale: { 'zh-CN': '工单已被他人更新,请刷新后再操作', 'en-US': 'Someone else updated this ticket; refresh and try again' },
  unknown_category: { 'zh-CN': '分类不存在或已停用', 'en-US': 'Unknown or inactive category' },
  unknown_household: { 'zh-CN': '房屋不存在或不属于该项目', 'en-US': 'Unknown household, or not in this project' },
  unknown_person: { 'zh-CN': '住户不存在或不属于该项目', 'en-US': 'Unknown resident, or not in this project' },
  unknown_staff: { 'zh-CN': '员工不存在、已停用或不负责该项目', 'en-US': 'Unknown or inactive staff member, or not assigned to this project' },
  complaint_scope_only: { 'zh-CN': '只有投诉需要填写投诉范围', 'en-US': 'Only complaints have a complaint scope' },
  merge_target_invalid: {
    'zh-CN': '要合并到的工单不存在、不在同一项目或已结束',
    'en-US': 'The ticket to merge into does not exist, is in another project or is finished',
  },
  handover_not_allowed: { 'zh-CN': '只有当前负责人或管理人员可以转交工单', 'en-US': 'Only the accountable person or a manager can hand the ticket over' },
  handover_not_for_you: { 'zh-CN': '没有转交给您的待接收工单', 'en-US': 'There is no handover waiting for you on this ticket' },
  handover_to_self: { 'zh-CN': '不能转交给当前负责人本人', 'en-US': 'The ticket is already with this person' },
  not_in_pool: { 'zh-CN': '此工单不在您的抢单池中', 'en-US': 'This ticket is not in a grab pool of yours' },
  already_taken: { 'zh-CN': '手慢了,工单已被同事接走', 'en-US': 'A colleague took this ticket first' },
  file_type: { 'zh-CN': '只支持 JPG、PNG、WebP、HEIC 图片和 PDF 文件', 'en-US': 'Only JPG, PNG, WebP and HEIC images and PDF files are accepted' },
  file_too_large: { 'zh-CN': '单个文件不能超过 10 MB', 'en-US': 'Each file must be 10 MB or smaller' },
  file_missing: { 'zh-CN': '请选择要上传的文件', 'en-US': 'Please choose a file to upload' },
  too_many_attachments: { 'zh-CN': '每个工单最多 20 个附件', 'en-US': 'A ticket can have at most 20 attachments' },
} satisfies Record<string, Label>;
