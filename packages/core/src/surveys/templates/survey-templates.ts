/**
 * Built-in questionnaires (issue 4 §2), each tied to the built-in indicator tree its questions
 * measure (indicatorCode), so results roll up into the weighted index and per-post views without
 * any mapping. All stay within the ~15-item guidance (recommendedItemLimit): a full property
 * SERVQUAL would have 15+ expectation/perception pairs, so the template keeps one or two pairs per
 * dimension — the ones owners notice most — and leaves the rest for companies to swap in.
 */
import type { Question, SurveyDefinition } from '../definition';
import { findIndicator, indicatorTemplate, type IndicatorTreeNode } from './indicator-trees';
import { gbt45698Definition } from './gbt-45698';

export const surveyTemplateNames = ['servqual-property', 'satisfaction-annual', 'kano-services', 'gbt-45698'] as const;
export type SurveyTemplateName = (typeof surveyTemplateNames)[number];

export type SurveyTemplate = {
  name: SurveyTemplateName;
  /** The built-in indicator tree (indicatorTemplates) whose codes the questions use. */
  indicatorTemplate: string;
  description: SurveyDefinition['title'];
  definition: SurveyDefinition;
};

function tree(code: string): IndicatorTreeNode[] {
  const found = indicatorTemplate(code);
  if (!found) throw new Error(`unknown indicator template ${code}`);
  return found.roots;
}

function indicator(roots: IndicatorTreeNode[], code: string): IndicatorTreeNode {
  const found = findIndicator(roots, code);
  if (!found) throw new Error(`unknown indicator ${code}`);
  return found;
}

/** The overall question that key-driver analysis regresses on (DESIGN §4). */
const overallQuestion: Question = {
  key: 'overall',
  type: 'satisfaction',
  required: true,
  overall: true,
  allowNotExperienced: false,
  title: { 'zh-CN': '总体而言，您对本小区的物业服务满意吗？', 'en-US': 'Overall, how satisfied are you with the property service here?' },
};

/** 0–10 recommendation (seed 001 第一讲 NPS). */
const npsQuestion: Question = {
  key: 'nps',
  type: 'nps',
  required: true,
  title: { 'zh-CN': '您有多大可能向亲友推荐我们的物业服务？', 'en-US': 'How likely are you to recommend our property service to friends and family?' },
};

/** Asked only of detractors (NPS 0–6), where the reason is worth most. */
const improveQuestion: Question = {
  key: 'improve',
  type: 'text',
  required: false,
  maxLength: 500,
  showIf: { questionKey: 'nps', operator: 'lte', value: 6 },
  title: { 'zh-CN': '您认为我们最需要改进的是什么？', 'en-US': 'What should we improve first?' },
};

function servqualProperty(): SurveyTemplate {
  const roots = tree('servqual-property');
  const picked = [
    'tangibles.facilities',
    'professionalism.repair_skill',
    'responsiveness.repair_timeliness',
    'responsiveness.enquiry_reply',
    'reliability.promise_kept',
    'empathy.proactive_care',
  ];
  const pairs: Question[] = picked.map((code) => {
    const item = indicator(roots, code);
    return {
      key: code.replace('.', '_'),
      type: 'servqual',
      scalePoints: 7,
      required: true,
      indicatorCode: code,
      title: item.name,
      help: { 'zh-CN': '请分别给出您的期望和实际感受（1 最低，7 最高）', 'en-US': 'Rate what you expect and what you actually get (1 lowest, 7 highest).' },
    };
  });
  return {
    name: 'servqual-property',
    indicatorTemplate: 'servqual-property',
    description: { 'zh-CN': '服务质量差距（期望 vs 感知）五维度问卷', 'en-US': 'Service quality gap survey (expectation vs perception), five dimensions' },
    definition: {
      title: { 'zh-CN': '物业服务质量调查', 'en-US': 'Property service quality survey' },
      intro: {
        'zh-CN': '感谢您抽出约 3 分钟评价我们的服务。您的回答只用于改进服务。',
        'en-US': 'Thank you for taking about 3 minutes to rate our service. Your answers are used only to improve it.',
      },
      questions: [...pairs, overallQuestion, npsQuestion, improveQuestion],
    },
  };
}

function satisfactionAnnual(): SurveyTemplate {
  const roots = tree('post-satisfaction');
  const matrices: Question[] = roots.map((post) => ({
    key: post.code,
    type: 'matrix',
    required: true,
    allowNotExperienced: true,
    indicatorCode: post.code,
    title: { 'zh-CN': `您对${post.name['zh-CN']}服务的满意程度`, 'en-US': `How satisfied are you with ${post.name['en-US'] ?? post.name['zh-CN']}?` },
    rows: (post.children ?? []).map((row) => ({ key: row.code.split('.')[1] ?? row.code, label: row.name, indicatorCode: row.code })),
  }));
  return {
    name: 'satisfaction-annual',
    indicatorTemplate: 'post-satisfaction',
    description: {
      'zh-CN': '年度满意度调查：按岗位 5 分制评价 + 总体满意 + NPS',
      'en-US': 'Annual satisfaction survey: 5-point ratings per post, overall and NPS',
    },
    definition: {
      title: { 'zh-CN': '年度业主满意度调查', 'en-US': 'Annual owner satisfaction survey' },
      intro: {
        'zh-CN': '一年来辛苦您的支持。请为各岗位服务打分，未接触过的项目可选“未体验”。',
        'en-US': 'Thank you for your support this year. Please rate each service; choose "not experienced" for anything you have not used.',
      },
      questions: [...matrices, overallQuestion, npsQuestion],
    },
  };
}

function kanoServices(): SurveyTemplate {
  const roots = tree('candidate-services');
  const services = (roots[0]?.children ?? []).slice(0, 5);
  const pairs: Question[] = services.map((service) => {
    const zh = service.name['zh-CN'];
    const en = service.name['en-US'] ?? zh;
    return {
      key: service.code.replace('.', '_'),
      type: 'kano',
      required: true,
      indicatorCode: service.code,
      title: service.name,
      functional: { 'zh-CN': `如果小区提供“${zh}”，您觉得如何？`, 'en-US': `If the estate offered ${en.toLowerCase()}, how would you feel?` },
      dysfunctional: { 'zh-CN': `如果小区不提供“${zh}”，您觉得如何？`, 'en-US': `If the estate did not offer ${en.toLowerCase()}, how would you feel?` },
    };
  });
  return {
    name: 'kano-services',
    indicatorTemplate: 'candidate-services',
    description: { 'zh-CN': 'Kano 增值服务需求分类问卷', 'en-US': 'Kano survey of candidate value-added services' },
    definition: {
      title: { 'zh-CN': '增值服务需求调查', 'en-US': 'Value-added services survey' },
      intro: {
        'zh-CN': '我们正在考虑推出以下服务，请告诉我们有或没有它们时您的感受。',
        'en-US': 'We are considering the services below; tell us how you would feel with and without each.',
      },
      questions: [...pairs, improveQuestionFor('services_other')],
    },
  };
}

/** A free-text "anything else" question, always shown. */
function improveQuestionFor(key: string): Question {
  return {
    key,
    type: 'text',
    required: false,
    maxLength: 500,
    title: { 'zh-CN': '您还希望物业提供哪些服务？', 'en-US': 'What other services would you like us to offer?' },
  };
}

/** GB/T 45698-2025 (gbt-45698.ts says which parts follow the standard and which are assumptions). */
function gbt45698(): SurveyTemplate {
  return {
    name: 'gbt-45698',
    indicatorTemplate: 'gbt-45698',
    description: {
      'zh-CN': '国家标准 GB/T 45698-2025 物业服务客户满意度测评（38 项）',
      'en-US': 'National standard GB/T 45698-2025 customer satisfaction (38 items)',
    },
    definition: gbt45698Definition(overallQuestion, npsQuestion),
  };
}

export const surveyTemplates: readonly SurveyTemplate[] = [servqualProperty(), satisfactionAnnual(), kanoServices(), gbt45698()];

/** A fresh copy of the template, so callers may edit it without changing the built-in. */
export function surveyTemplate(name: string): SurveyTemplate | undefined {
  const found = surveyTemplates.find((template) => template.name === name);
  return found ? structuredClone(found) : undefined;
}
