import type { Label } from '@manyi/core';

export const fieldMessages = {
  not_assignee: { 'zh-CN': '这是同事的任务，只有接单的师傅可以操作', 'en-US': 'This task belongs to a colleague; only its assignee can act on it' },
  already_arrived: { 'zh-CN': '已经登记过到场，无需重复', 'en-US': 'Arrival is already recorded' },
  not_arrived: { 'zh-CN': '请先登记到场，再完工', 'en-US': 'Record your arrival first' },
  not_working: { 'zh-CN': '该工单当前状态不能预约', 'en-US': 'This ticket cannot take an appointment in its current status' },
  appointment_past: { 'zh-CN': '预约时间需晚于现在', 'en-US': 'The appointment must be in the future' },
  no_owner_phone: { 'zh-CN': '没有业主手机号，请改用业主签名确认', 'en-US': 'No owner mobile number on file; ask for a signature instead' },
  code_too_soon: { 'zh-CN': '确认码刚发送过，请 1 分钟后再试', 'en-US': 'A code was just sent; try again in a minute' },
  code_missing: { 'zh-CN': '请先给业主发送确认码', 'en-US': 'Send the owner a code first' },
  code_expired: { 'zh-CN': '确认码已失效，请重新发送', 'en-US': 'The code has expired; send a new one' },
  code_wrong: { 'zh-CN': '确认码不正确', 'en-US': 'The code is not correct' },
  photo_unknown: { 'zh-CN': '照片不属于该工单', 'en-US': 'This photo does not belong to the ticket' },
  signature_unknown: { 'zh-CN': '请让业主签名后再提交', 'en-US': "Ask for the owner's signature before submitting" },
} satisfies Record<string, Label>;
