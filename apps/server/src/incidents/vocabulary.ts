/**
 * The incident rules and messages that only the server needs; the kind and status vocabularies
 * live in @manyi/core (service-desk/incidents.ts) so that the console shares their labels.
 */
import type { IncidentStatus, Label } from '@manyi/core';

/** Statuses in which an incident still links new tickets and shows its call script. */
export const liveStatuses: readonly IncidentStatus[] = ['proposed', 'confirmed', 'published'];

/**
 * A planned outage stays "active" this long after its announced end: the first calls after water
 * or power returns (浑水, tripped breakers) are still about the outage.
 */
export const afterEndGraceMs = 2 * 60 * 60 * 1000;

export const incidentMessages = {
  incident_stale: { 'zh-CN': '事件已被他人更新,请刷新后再操作', 'en-US': 'Someone else updated this incident; refresh and try again' },
  incident_transition: { 'zh-CN': '当前状态下不能执行此操作', 'en-US': "This action is not possible in the incident's current status" },
  incident_finished: { 'zh-CN': '事件已结束或已驳回,不能再修改', 'en-US': 'The incident is closed or dismissed and can no longer be changed' },
  unknown_building: { 'zh-CN': '楼栋不存在或不属于该项目', 'en-US': 'Unknown building, or not in this project' },
  unknown_category: { 'zh-CN': '分类不存在或已停用', 'en-US': 'Unknown or inactive category' },
  ends_before_start: { 'zh-CN': '结束时间不能早于开始时间', 'en-US': 'The end cannot be before the start' },
  unknown_placeholder: {
    'zh-CN': '有不认识的占位符；可用的只有 {项目} {楼栋} {开始时间} {结束时间} {原因} {服务热线}',
    'en-US': 'Unknown placeholder; only {项目} {楼栋} {开始时间} {结束时间} {原因} {服务热线} can be filled',
  },
  unknown_template: { 'zh-CN': '没有这个话术模板', 'en-US': 'No such script template' },
  company_wide_only: {
    'zh-CN': '只有公司级管理员或品质部可以修改公司设置',
    'en-US': 'Only company administrators or the quality department can change company settings',
  },
} satisfies Record<string, Label>;
