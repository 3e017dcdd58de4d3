import type { Label } from '@manyi/core';
import type { CellProblemCode } from './convert';
import type { MappingProblem } from './mapping';

/** Why a cell of an imported row was refused, as the clerk reads it next to row, column and value. */
export const cellProblemMessages: Record<CellProblemCode, Label> = {
  unknown_label: {
    'zh-CN': '无法识别的评价(应为 非常满意/满意/一般/不满意/非常不满意/未体验 或 1–5)',
    'en-US': 'Unrecognised rating (expected 非常满意 … 非常不满意, 未体验 or 1–5)',
  },
  not_a_number: { 'zh-CN': '应为整数分值', 'en-US': 'Expected a whole-number score' },
  unknown_option: { 'zh-CN': '不是该题的选项', 'en-US': 'Not one of the question’s options' },
  required: { 'zh-CN': '必答题未作答', 'en-US': 'A required question is unanswered' },
  out_of_range: { 'zh-CN': '分值超出范围', 'en-US': 'Score out of range' },
  wrong_shape: { 'zh-CN': '答案格式与题型不符', 'en-US': 'The answer does not fit the question type' },
  too_many_options: { 'zh-CN': '选择的选项过多', 'en-US': 'Too many options chosen' },
  too_long: { 'zh-CN': '文字过长', 'en-US': 'Text too long' },
  not_experienced_not_allowed: { 'zh-CN': '该题不允许选择“未体验”', 'en-US': '“Not experienced” is not allowed for this question' },
  unknown_question: { 'zh-CN': '问卷中没有这道题', 'en-US': 'The questionnaire has no such question' },
  unknown_household: { 'zh-CN': '找不到该房号或手机号对应的住户', 'en-US': 'No household with this room or phone number' },
  duplicate_household: {
    'zh-CN': '该住户在本次调查中已有答卷(或在文件中重复)',
    'en-US': 'This household already answered this campaign (or appears twice in the file)',
  },
};

export const mappingProblemMessages: Record<MappingProblem['code'], Label> = {
  unknown_question: { 'zh-CN': '问卷中没有这道题', 'en-US': 'The questionnaire has no such question' },
  unknown_item: { 'zh-CN': '该题没有这一项(矩阵行或期望/感知)', 'en-US': 'The question has no such part (matrix row or pair side)' },
  duplicate: { 'zh-CN': '同一道题(或同一行)对应了多列', 'en-US': 'Two columns map to the same question (or row)' },
  out_of_range: { 'zh-CN': '文件中没有这一列', 'en-US': 'The file has no such column' },
};

export const importMessages = {
  unknown_campaign: { 'zh-CN': '调查活动不存在', 'en-US': 'Unknown campaign' },
  unknown_survey: { 'zh-CN': '问卷不存在或尚未发布', 'en-US': 'Unknown or unpublished survey' },
  no_header: { 'zh-CN': '文件中没有表头行', 'en-US': 'The file has no header row' },
  not_mapping: { 'zh-CN': '该导入已确认过列对应关系', 'en-US': 'The column mapping of this import is already confirmed' },
  not_validated: { 'zh-CN': '请等待校验完成后再导入', 'en-US': 'Wait for the validation to finish before importing' },
  no_valid_rows: { 'zh-CN': '没有可导入的有效行', 'en-US': 'There are no valid rows to import' },
} satisfies Record<string, Label>;
