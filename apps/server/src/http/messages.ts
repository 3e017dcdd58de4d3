import type { Label } from '@manyi/core';

/**
 * Error texts the server can send, each in both languages. Schemas refer to these keys in custom
 * zod messages (`{ error: 'phone' }`), so a field error always has a Chinese and an English text.
 */
export const messages = {
  validation: { 'zh-CN': '提交的数据有误,请检查标出的字段', 'en-US': 'Some fields are invalid; please check them' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  forbidden: { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You do not have permission to do this' },
  not_found: { 'zh-CN': '记录不存在或您无权访问', 'en-US': 'The record does not exist or you cannot access it' },
  route_not_found: { 'zh-CN': '接口不存在', 'en-US': 'No such API endpoint' },
  conflict: { 'zh-CN': '数据冲突:记录已存在或已被修改', 'en-US': 'Conflict: the record already exists or was changed' },
  in_use: { 'zh-CN': '该记录仍被其他数据引用,不能删除', 'en-US': 'The record is still referenced by other data and cannot be deleted' },
  body_too_large: { 'zh-CN': '提交的内容过大', 'en-US': 'The request body is too large' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  malformed_multipart: { 'zh-CN': '上传的内容不完整或格式有误,请重新上传', 'en-US': 'The upload is incomplete or malformed; please upload it again' },
  malformed_body: { 'zh-CN': '请求内容不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  cross_site_request: { 'zh-CN': '请求来自其他网页,已拒绝', 'en-US': 'The request came from another site and was refused' },
  rate_limited: { 'zh-CN': '操作过于频繁,请稍后再试', 'en-US': 'Too many requests; please try again later' },
  internal: { 'zh-CN': '服务器内部错误,请稍后再试', 'en-US': 'Internal server error; please try again later' },
  bad_credentials: { 'zh-CN': '账号或密码错误', 'en-US': 'Wrong login or password' },
  company_required: {
    'zh-CN': '该账号在多家公司存在,请同时填写公司代码',
    'en-US': 'This login exists in more than one company; enter the company code too',
  },
  sign_in_locked: {
    'zh-CN': '登录失败次数过多,账号已暂时锁定,请稍后再试',
    'en-US': 'Too many failed sign-ins; the account is locked for a while, try again later',
  },
  wrong_password: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  weak_password: {
    'zh-CN': '密码至少 10 位,需同时包含字母和数字,且不能是常见密码',
    'en-US': 'At least 10 characters with letters and digits, and not a common password',
  },
  idempotency_in_progress: { 'zh-CN': '相同的请求正在处理中,请稍候', 'en-US': 'The same request is still being processed' },
  idempotency_key_reused: { 'zh-CN': '该幂等键已用于另一个不同的请求', 'en-US': 'This Idempotency-Key was already used for a different request' },
  invalid_cursor: { 'zh-CN': '分页游标无效', 'en-US': 'Invalid pagination cursor' },
  phone: { 'zh-CN': '请输入正确的 11 位手机号', 'en-US': 'Enter a valid 11-digit mainland mobile number' },
  required: { 'zh-CN': '必填', 'en-US': 'Required' },
  otp_invalid: { 'zh-CN': '验证码错误或已过期', 'en-US': 'The code is wrong or has expired' },
  invite_invalid: { 'zh-CN': '邀请链接无效、已使用或已过期', 'en-US': 'The invite link is invalid, used or expired' },
  project_out_of_scope: { 'zh-CN': '您不负责该项目', 'en-US': 'You are not assigned to this project' },
} satisfies Record<string, Label>;

export const fieldMessages = {
  bad_characters: { 'zh-CN': '包含无效字符', 'en-US': 'Contains characters that are not allowed' },
  empty_patch: { 'zh-CN': '没有要修改的内容', 'en-US': 'Nothing to change' },
  otp_format: { 'zh-CN': '验证码为 6 位数字', 'en-US': 'The code is 6 digits' },
  otp_too_soon: { 'zh-CN': '验证码已发送,请 60 秒后再试', 'en-US': 'A code was just sent; try again in 60 seconds' },
  otp_hourly_limit: { 'zh-CN': '该手机号一小时内获取验证码次数过多,请稍后再试', 'en-US': 'Too many codes for this number in the last hour; try again later' },
  otp_daily_limit: { 'zh-CN': '该手机号今日获取验证码次数已达上限,请明天再试', 'en-US': 'This number has had too many codes today; try again tomorrow' },
  login_format: { 'zh-CN': '账号只能包含小写字母、数字和 . _ @ -', 'en-US': 'Logins use lowercase letters, digits and . _ @ - only' },
  project_code: { 'zh-CN': '项目编码只能包含字母、数字、- 和 _', 'en-US': 'Project codes use letters, digits, - and _ only' },
  sla_code: { 'zh-CN': '规则编码以小写字母开头,只能包含小写字母、数字和 _', 'en-US': 'Policy codes start with a lowercase letter and use a–z, 0–9 and _ only' },
  sla_code_duplicate: { 'zh-CN': '规则编码重复', 'en-US': 'This policy code is used twice' },
  sla_targets_required: { 'zh-CN': '至少设置一项时限', 'en-US': 'Set at least one target' },
  sla_category_prefix: { 'zh-CN': '分类编码格式不正确(如 engineering.leak)', 'en-US': 'Not a category code (e.g. engineering.leak)' },
  sla_project_unknown: { 'zh-CN': '项目不存在', 'en-US': 'Unknown project' },
  calendar_day_format: { 'zh-CN': '日期格式不正确(YYYY-MM-DD)', 'en-US': 'Not a valid date (YYYY-MM-DD)' },
  calendar_day_year: { 'zh-CN': '日期不在所选年份内', 'en-US': 'The date is not in the chosen year' },
  calendar_day_duplicate: { 'zh-CN': '同一天只能设置一次', 'en-US': 'This day is listed twice' },
  quiz_no_correct_option: { 'zh-CN': '每道题至少要有一个正确选项', 'en-US': 'Every question needs at least one correct option' },
  quiz_unknown_correct_option: { 'zh-CN': '正确答案不在选项中', 'en-US': 'The correct answer is not one of the options' },
  quiz_duplicate_option: { 'zh-CN': '选项编号重复', 'en-US': 'Two options have the same id' },
  quiz_duplicate_question: { 'zh-CN': '题目编号重复', 'en-US': 'Two questions have the same id' },
  journey_touchpoint_post_missing: { 'zh-CN': '触点必须指定岗位', 'en-US': 'A touchpoint needs a post' },
  journey_touchpoint_standard_missing: { 'zh-CN': '触点必须写明服务标准', 'en-US': 'A touchpoint needs a service standard' },
  journey_touchpoint_name_missing: { 'zh-CN': '触点必须有名称', 'en-US': 'A touchpoint needs a name' },
  journey_touchpoint_duplicate: { 'zh-CN': '触点编号重复', 'en-US': 'Two touchpoints have the same id' },
  journey_stage_two_peaks: { 'zh-CN': '同一阶段只能设计一个峰值时刻', 'en-US': 'A stage has one designed peak at most' },
  journey_stage_two_ends: { 'zh-CN': '同一阶段只能设计一个结束体验', 'en-US': 'A stage has one designed end at most' },
  drill_reply_count: { 'zh-CN': '请逐条回答业主的每一句话', 'en-US': 'Answer each of the owner’s turns' },
  webhook_port: { 'zh-CN': '机器人地址只能使用 80 或 443 端口', 'en-US': 'Bot addresses may only use port 80 or 443' },
  webhook_internal: { 'zh-CN': '机器人地址不能指向内网、本机或保留地址', 'en-US': 'Bot addresses may not point at internal, local or reserved addresses' },
  webhook_url: {
    'zh-CN': '请填写 https:// 开头的机器人地址(仅本机测试地址可用 http://)',
    'en-US': 'Use an https:// bot address (plain http:// only for a local test address)',
  },
} satisfies Record<string, Label>;

export type MessageKey = keyof typeof messages | keyof typeof fieldMessages;
const allMessages: Record<MessageKey, Label> = { ...messages, ...fieldMessages };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(allMessages, key);
}

export function messageFor(key: MessageKey): Label {
  return allMessages[key];
}
