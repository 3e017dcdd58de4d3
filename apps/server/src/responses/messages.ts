import type { AnswerIssueCode } from '@manyi/core';
import type { Label } from '@manyi/core';

/**
 * What an owner (or a clerk typing in a paper questionnaire) is told. Each state of a link has its
 * own code so the answering page can show its own screen: unknown, not yet open, closed, already done.
 */
export const responseMessages = {
  answer_link_unknown: {
    'zh-CN': '问卷链接无效,请核对链接或联系物业客服',
    'en-US': 'This survey link is not valid; check the link or ask the property service desk',
  },
  answer_not_open: { 'zh-CN': '本次调查尚未开始,请在开始后再打开链接', 'en-US': 'This survey has not started yet; open the link again once it has' },
  answer_closed: { 'zh-CN': '本次调查已结束,感谢您的关注', 'en-US': 'This survey has closed. Thank you for your interest' },
  answer_completed: { 'zh-CN': '您家已提交过本次问卷,感谢您的参与', 'en-US': 'Your household has already answered this survey. Thank you' },
  answers_invalid: { 'zh-CN': '部分答案需要修改', 'en-US': 'Some answers need your attention' },
  poster_unknown: { 'zh-CN': '二维码无效或调查已结束', 'en-US': 'This QR code is not valid, or the survey has ended' },
  poster_no_household: {
    'zh-CN': '您登记的房屋不在这栋楼,请扫描您所在楼栋的二维码',
    'en-US': 'None of your registered homes is in this building; scan the code of your own building',
  },
  poster_not_invited: {
    'zh-CN': '您家不在本次调查的范围内(可能近期已参加过调查)',
    'en-US': 'Your household is not part of this survey (it may have answered one recently)',
  },
  campaign_unknown: { 'zh-CN': '调查不存在', 'en-US': 'Unknown survey campaign' },
  household_not_in_campaign: { 'zh-CN': '该房屋不在本次调查范围内', 'en-US': 'This household is not part of the campaign' },
} satisfies Record<string, Label>;

/** One text per answer problem; the field of the problem is the question key. */
export const answerIssueMessages: Record<AnswerIssueCode, Label> = {
  required: { 'zh-CN': '此题必答', 'en-US': 'This question needs an answer' },
  unknown_question: { 'zh-CN': '问卷中没有这道题', 'en-US': 'There is no such question in this survey' },
  wrong_shape: { 'zh-CN': '答案格式不正确', 'en-US': 'The answer has the wrong form' },
  out_of_range: { 'zh-CN': '分值超出范围', 'en-US': 'The rating is out of range' },
  unknown_option: { 'zh-CN': '选项不存在', 'en-US': 'Unknown option' },
  too_many_options: { 'zh-CN': '选择的项目过多', 'en-US': 'Too many options chosen' },
  too_long: { 'zh-CN': '文字过长', 'en-US': 'The text is too long' },
  not_experienced_not_allowed: { 'zh-CN': '此题不能选择"未体验"', 'en-US': '"Not experienced" is not an option here' },
};
