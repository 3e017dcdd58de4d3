import type { Label } from '@manyi/core';

/** What the quality department (and an owner hitting a full quota) is told about campaigns. */
export const campaignMessages = {
  campaign_transition: {
    'zh-CN': '调查当前状态不允许此操作(只能 草稿 → 进行中 → 已结束)',
    'en-US': "The campaign's status does not allow this (draft → open → closed only)",
  },
  campaign_not_draft: { 'zh-CN': '调查已发布,不能再修改抽样方案', 'en-US': 'The campaign has been launched; its sampling plan can no longer change' },
  population_empty: {
    'zh-CN': '筛选后没有可邀请的房屋,请放宽范围或缩短接触间隔',
    'en-US': 'No household is left to invite; widen the filters or shorten the contact interval',
  },
  unknown_project: { 'zh-CN': '所选项目不存在', 'en-US': 'A selected project does not exist' },
  unknown_building: { 'zh-CN': '所选楼栋不存在或不属于所选项目', 'en-US': 'A selected building does not exist or is not in the selected projects' },
  unknown_survey: { 'zh-CN': '问卷或其版本不存在', 'en-US': 'The survey or its version does not exist' },
  survey_archived: { 'zh-CN': '问卷已归档,不能再发起调查', 'en-US': 'The survey is archived; it cannot start a campaign' },
  unknown_previous: { 'zh-CN': '上一轮调查必须是同一问卷(或同一模板)的调查', 'en-US': 'The previous wave must be a campaign of the same survey (or template)' },
  closes_before_opens: { 'zh-CN': '截止时间必须晚于开始时间', 'en-US': 'The closing time must be after the opening time' },
  closes_in_past: { 'zh-CN': '截止时间已过,请修改后再发布', 'en-US': 'The closing time has passed; change it before launching' },
  unknown_quota_target: { 'zh-CN': '配额的项目或楼栋不存在', 'en-US': 'A quota names a project or building that does not exist' },
  quota_full: { 'zh-CN': '该楼栋/项目的样本已收满,感谢您的参与', 'en-US': 'This building or project has all the answers the survey needs. Thank you' },
  reminder_too_soon: {
    'zh-CN': '所选住户在提醒间隔内都已提醒过,请稍后再发',
    'en-US': 'Every selected household was reminded within the reminder interval; try again later',
  },
  reminder_nobody: { 'zh-CN': '没有需要提醒的住户(都已完成或已过期)', 'en-US': 'No household needs a reminder (all completed or expired)' },
  campaign_closed: { 'zh-CN': '调查已结束', 'en-US': 'The campaign has closed' },
  posters_census_only: {
    'zh-CN': '抽样调查不能张贴楼栋海报:扫码自选参与会破坏随机样本,请使用逐户链接',
    'en-US': 'A sampled campaign cannot use building posters: self-selected answers would break the random sample; use the per-household links',
  },
  invitation_completed: { 'zh-CN': '该住户已完成问卷,无需新链接', 'en-US': 'This household has already answered; it needs no new link' },
} satisfies Record<string, Label>;

/** The reminder SMS (sent through the SMS provider interface of sms/sms-sender.ts). */
export function reminderText(company: string, campaign: string, closesAt: string | null): string {
  const deadline = closesAt ? `,${closesAt} 截止` : '';
  return `【${company}】您好!「${campaign}」正在进行${deadline}。请打开管家发给您的问卷链接,或扫描楼栋大堂海报上的二维码参与,约 3 分钟。感谢您的支持!`;
}
