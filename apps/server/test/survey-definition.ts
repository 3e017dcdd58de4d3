import type { SurveyDefinition } from '@manyi/core';

/** A short questionnaire with every kind of question the page draws, skip logic and 未体验. */
export const sampleDefinition: SurveyDefinition = {
  title: { 'zh-CN': '2026 年业主满意度调查', 'en-US': '2026 owner satisfaction survey' },
  intro: { 'zh-CN': '约 2 分钟,感谢您的支持。', 'en-US': 'About 2 minutes. Thank you.' },
  questions: [
    {
      key: 'overall',
      type: 'satisfaction',
      required: true,
      allowNotExperienced: false,
      overall: true,
      title: { 'zh-CN': '您对物业服务的总体评价', 'en-US': 'Overall, how satisfied are you with the property service?' },
    },
    { key: 'nps', type: 'nps', required: true, title: { 'zh-CN': '您有多大可能向亲友推荐本物业?', 'en-US': 'How likely are you to recommend us to friends?' } },
    {
      key: 'why_low',
      type: 'text',
      required: false,
      maxLength: 200,
      showIf: { questionKey: 'nps', operator: 'lte', value: 6 },
      title: { 'zh-CN': '请告诉我们哪里做得不好', 'en-US': 'Please tell us what went wrong' },
    },
    { key: 'repair', type: 'satisfaction', required: true, allowNotExperienced: true, title: { 'zh-CN': '报修服务', 'en-US': 'Repairs' } },
    {
      key: 'posts',
      type: 'matrix',
      required: false,
      allowNotExperienced: true,
      title: { 'zh-CN': '各岗位服务', 'en-US': 'Services by post' },
      rows: [
        { key: 'security', label: { 'zh-CN': '秩序维护', 'en-US': 'Security' } },
        { key: 'cleaning', label: { 'zh-CN': '保洁', 'en-US': 'Cleaning' } },
      ],
    },
    {
      key: 'channel',
      type: 'single',
      required: false,
      title: { 'zh-CN': '您最常用的报事方式', 'en-US': 'How do you usually reach us?' },
      options: [
        { value: 'phone', label: { 'zh-CN': '电话', 'en-US': 'Phone' } },
        { value: 'app', label: { 'zh-CN': '手机', 'en-US': 'Phone app' } },
      ],
    },
  ],
};
