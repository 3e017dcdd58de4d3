import type { Label } from '@manyi/core';

export const surveyMessages = {
  changed_elsewhere: {
    'zh-CN': '问卷在您编辑期间已被他人保存，请刷新后在最新版本上修改',
    'en-US': 'Someone else saved this questionnaire while you were editing; reload and make your changes on the latest version',
  },
  unknown_template: { 'zh-CN': '没有这个问卷模板', 'en-US': 'No such survey template' },
  unknown_indicator_system: { 'zh-CN': '指标体系不存在', 'en-US': 'Unknown indicator system' },
  unknown_indicator_code: { 'zh-CN': '关联的指标体系中没有这个指标编码', 'en-US': 'The linked indicator system has no such indicator code' },
  no_indicator_system: { 'zh-CN': '问卷未关联指标体系，不能填写指标编码', 'en-US': 'Link an indicator system before setting indicator codes' },
  definition_required: { 'zh-CN': '请选择模板或填写问卷内容', 'en-US': 'Choose a template or provide the questionnaire' },
  archived: { 'zh-CN': '问卷已归档，不能再修改', 'en-US': 'The survey is archived and can no longer be edited' },
  duplicate_key: { 'zh-CN': '题目编号重复', 'en-US': 'Duplicate question key' },
  forward_skip: { 'zh-CN': '跳题条件只能引用前面的题目', 'en-US': 'Skip logic may only refer to an earlier question' },
  duplicate_option: { 'zh-CN': '选项值重复', 'en-US': 'Duplicate option value' },
  duplicate_row: { 'zh-CN': '矩阵行编号重复', 'en-US': 'Duplicate matrix row key' },
  one_overall: { 'zh-CN': '只能有一道题标记为“总体满意度”', 'en-US': 'Only one question may be the overall-satisfaction question' },
} satisfies Record<string, Label>;

/** The definition schema's own rules (core definition-schema.ts) speak English only; these give both languages. */
export const definitionRuleMessages: [prefix: string, label: Label][] = [
  ['duplicate question key', surveyMessages.duplicate_key],
  ['skip logic may only refer', surveyMessages.forward_skip],
  ['duplicate option', surveyMessages.duplicate_option],
  ['duplicate row', surveyMessages.duplicate_row],
  ['at most one overall', surveyMessages.one_overall],
];
