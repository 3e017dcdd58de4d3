import type { Label } from '@manyi/core';

/** Why an indicator tree was refused, phrased for the quality clerk editing weights. */
export const indicatorMessages = {
  changed_elsewhere: {
    'zh-CN': '指标体系在您编辑期间已被他人修订，请刷新后在最新版本上修改',
    'en-US': 'Someone else revised this indicator system while you were editing; reload and make your changes on the latest version',
  },
  unknown_template: { 'zh-CN': '没有这个指标体系模板', 'en-US': 'No such indicator template' },
  duplicate_code: { 'zh-CN': '指标编码重复', 'en-US': 'Duplicate indicator code' },
  invalid_weight: { 'zh-CN': '权重应为 0–100 之间的数字', 'en-US': 'A weight must be a number from 0 to 100' },
  archived: { 'zh-CN': '指标体系已停用，不能再修改', 'en-US': 'The indicator system is archived and can no longer be edited' },
} satisfies Record<string, Label>;

/** "Weights under 反应度 sum to 90, not 100", or for the top level, the dimensions. */
export function weightSumMessage(parentName: Label | null, sum: number): Label {
  const shown = Math.round(sum * 100) / 100;
  if (!parentName) {
    return { 'zh-CN': `一级维度的权重之和为 ${shown}，应为 100`, 'en-US': `The top-level weights sum to ${shown}, not 100` };
  }
  return {
    'zh-CN': `“${parentName['zh-CN']}”下各项权重之和为 ${shown}，应为 100`,
    'en-US': `The weights under “${parentName['en-US']}” sum to ${shown}, not 100`,
  };
}
