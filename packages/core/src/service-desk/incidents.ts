/**
 * The closed vocabularies of incidents (issue 3 §9), with Chinese and English labels, in core so
 * that the server's schemas and the console's tags and filters share one list and one wording.
 */
import { vocabulary } from '../organisation/vocabulary';

/**
 * group: ≥ K households reporting the same thing (seed 000/001 群体投诉), proposed by detection;
 * planned: announced in advance (提前告知, seed 001 投诉升级防范); emergency: announced as it happens.
 */
export const incidentKinds = vocabulary({
  group: { 'zh-CN': '群体事件', 'en-US': 'Group complaint' },
  planned: { 'zh-CN': '计划性停运', 'en-US': 'Planned outage' },
  emergency: { 'zh-CN': '突发事件', 'en-US': 'Emergency' },
});
export type IncidentKind = (typeof incidentKinds.values)[number];

/** group: proposed → confirmed → closed, or proposed → dismissed. planned/emergency: draft → published → closed. */
export const incidentStatuses = vocabulary({
  proposed: { 'zh-CN': '待确认', 'en-US': 'Proposed' },
  confirmed: { 'zh-CN': '已确认', 'en-US': 'Confirmed' },
  dismissed: { 'zh-CN': '已驳回', 'en-US': 'Dismissed' },
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  published: { 'zh-CN': '已发布', 'en-US': 'Published' },
  closed: { 'zh-CN': '已结束', 'en-US': 'Closed' },
});
export type IncidentStatus = (typeof incidentStatuses.values)[number];
