/**
 * Texts the server writes in Chinese and the console shows (issue 15 §3): audit summaries, owner-timeline
 * titles, the system's notes on tickets and incidents, the actor 系统. They are stored as written, in the
 * product's first language, so that the record reads the same whatever language the reader uses later;
 * the console shows them through `systemText`, which puts them into English word for word with the
 * names, titles and numbers they quote left as they are, and, in Chinese, turns the few codes older rows
 * still carry (an incident's status, a post, a target's metric) into words. A text no rule knows (a note
 * a person typed) is shown as it is.
 *
 * apps/server/src/audit/summaries.test.ts reads every summary the server writes and checks that this
 * table puts it into English, so a new summary without its English fails there.
 */
import { clearSteps, type ClearStep } from '../service-desk/complaint-records';
import { incidentStatuses, type IncidentStatus } from '../service-desk/incidents';
import { ticketActions, ticketStatuses, ticketTypes, type TicketAction, type TicketStatus, type TicketType } from '../service-desk/vocabulary';
import { staffPosts, type Label, type Locale, type StaffPost } from './vocabulary';

type Rule = { pattern: RegExp; english: (...parts: string[]) => string };

const targetMetricLabels: Record<string, Label> = {
  satisfaction: { 'zh-CN': '满意率', 'en-US': 'satisfaction rate' },
  nps: { 'zh-CN': 'NPS', 'en-US': 'NPS' },
  weighted_index: { 'zh-CN': '加权满意度指数', 'en-US': 'weighted satisfaction index' },
  sla: { 'zh-CN': 'SLA 达成率', 'en-US': 'SLA compliance' },
  fee_collection: { 'zh-CN': '收缴率', 'en-US': 'fee collection rate' },
  complaints_per_1000: { 'zh-CN': '千户投诉量', 'en-US': 'complaints per 1,000 households' },
  red_line_rate: { 'zh-CN': '红线触碰率', 'en-US': 'red-line rate' },
  inspection_score: { 'zh-CN': '巡检得分', 'en-US': 'inspection score' },
};
const decompositionBasisLabels: Record<string, Label> = {
  households: { 'zh-CN': '按户数', 'en-US': 'by households' },
  sample: { 'zh-CN': '按样本量', 'en-US': 'by sample size' },
  weights: { 'zh-CN': '按权重', 'en-US': 'by weights' },
};
const reportKindLabels: Record<string, Label> = {
  weekly: { 'zh-CN': '周报', 'en-US': 'weekly report' },
  monthly: { 'zh-CN': '月报', 'en-US': 'monthly report' },
};

function fromLabels<T extends string>(labels: Record<T, Label>, zh: string, locale: Locale): string | null {
  for (const [, label] of Object.entries(labels) as [T, Label][]) if (label['zh-CN'] === zh) return label[locale];
  return null;
}
function byCode(labels: Record<string, Label>, code: string, locale: Locale): string {
  return labels[code]?.[locale] ?? fromLabels(labels, code, locale) ?? code;
}
const post = (code: string, locale: Locale) => byCode(staffPosts.labels as Record<StaffPost, Label>, code, locale);
const incidentStatus = (code: string, locale: Locale) => byCode(incidentStatuses.labels as Record<IncidentStatus, Label>, code, locale);
const metric = (code: string, locale: Locale) => byCode(targetMetricLabels, code, locale);
const basis = (code: string, locale: Locale) => byCode(decompositionBasisLabels, code, locale);
const reportKind = (code: string, locale: Locale) => byCode(reportKindLabels, code, locale);

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const quoted = (name: string) => `“${name}”`;
const plural = (count: string, one: string, many = `${one}s`) => `${count} ${count === '1' ? one : many}`;
const typeNames = Object.values(ticketTypes.labels).map((label) => (label as Label)['zh-CN']);
const actionNames = Object.values(ticketActions.labels).map((label) => (label as Label)['zh-CN']);
const clearNames = Object.values(clearSteps.labels).map((label) => (label as Label)['zh-CN']);
const alternatives = (names: readonly string[]) => names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** '受理工单 N' and its kind, as an English sentence in the past. */
const actionPast: Record<TicketAction, string> = {
  accept: 'Accepted ticket {n}',
  assign: 'Assigned ticket {n}',
  start: 'Started work on ticket {n}',
  hold: 'Put ticket {n} on hold',
  resume: 'Resumed ticket {n}',
  resolve: 'Resolved ticket {n}',
  visit: 'Return visit of ticket {n}',
  close: 'Closed ticket {n}',
  reopen: 'Reopened ticket {n}',
  cancel: 'Cancelled ticket {n}',
  merge: 'Merged ticket {n}',
};
const zhToAction = new Map(ticketActions.values.map((action) => [ticketActions.labels[action]['zh-CN'], action]));

// Either width: some summaries were written with ASCII punctuation, some with full-width.
const colon = '[:：]';
const open = '[(（]';
const close = '[)）]';
const comma = '[,，]';

/** The English of a ticket's status phrase or milestone on the owner's timeline ('已派单', '已回访,满意度 4 分'). */
function milestone(what: string): string {
  const status = fromLabels(ticketStatuses.labels as Record<TicketStatus, Label>, what, 'en-US');
  if (status) return lower(status);
  if (what === '已登记') return 'received';
  if (what === '进度告知') return 'progress update';
  const visited = new RegExp(`^已回访${comma}满意度 (\\d+) 分$`).exec(what);
  if (visited) return `visited, satisfaction ${visited[1]}/5`;
  return what;
}

const rules: Rule[] = [
  // The actor of background passes.
  { pattern: /^系统$/, english: () => 'System' },

  // Tickets.
  { pattern: new RegExp(`^登记工单 (\\S+) (.*)$`), english: (number, title) => `Received ticket ${number} ${title}`.trimEnd() },
  { pattern: new RegExp(`^回访工单 (\\S+)${colon}未接通$`), english: (number) => `Return visit of ticket ${number}: no answer` },
  { pattern: /^修改工单 (\S+)$/, english: (number) => `Edited ticket ${number}` },
  {
    pattern: new RegExp(`^(${alternatives(actionNames)})工单 (\\S+)$`),
    english: (action, number) => (actionPast[zhToAction.get(action) ?? 'accept'] ?? 'Changed ticket {n}').replace('{n}', number),
  },
  {
    pattern: new RegExp(`^工单 (\\S+) 转交给 (.+?)${open}待接收${close}$`),
    english: (number, name) => `Offered ticket ${number} to ${name} (awaiting acceptance)`,
  },
  { pattern: /^接收工单 (\S+) 的转交$/, english: (number) => `Accepted the handover of ticket ${number}` },
  { pattern: /^拒绝接收工单 (\S+) 的转交$/, english: (number) => `Declined the handover of ticket ${number}` },
  { pattern: /^保存投诉 (\S+) 的 CLEAR 记录$/, english: (number) => `Saved the CLEAR record of complaint ${number}` },
  { pattern: /^保存投诉 (\S+) 的服务补救记录$/, english: (number) => `Saved the service-recovery record of complaint ${number}` },
  { pattern: /^预约上门 (\S+)$/, english: (number) => `Agreed the visit time of ${number}` },
  { pattern: /^抢单 (\S+)$/, english: (number) => `Grabbed ticket ${number}` },
  { pattern: new RegExp(`^修改工单分类 (.+?)${open}(.+)${close}$`), english: (name, code) => `Edited ticket category ${name} (${code})` },
  { pattern: new RegExp(`^设置派单规则${colon}(.+)$`), english: (name) => `Set the dispatch rule: ${post(name, 'en-US')}` },
  { pattern: new RegExp(`^删除派单规则${colon}(.+)$`), english: (name) => `Removed the dispatch rule: ${post(name, 'en-US')}` },
  { pattern: /^修改回访比例$/, english: () => 'Changed the return-visit shares' },
  { pattern: new RegExp(`^新建常用回复「(.+)」$`), english: (title) => `Added canned reply ${quoted(title)}` },
  { pattern: new RegExp(`^修改常用回复「(.+)」$`), english: (title) => `Edited canned reply ${quoted(title)}` },
  { pattern: new RegExp(`^删除常用回复「(.+)」$`), english: (title) => `Removed canned reply ${quoted(title)}` },
  { pattern: /^修改 (\d+) 年节假日与调休$/, english: (year) => `Changed the ${year} holidays and make-up workdays` },
  { pattern: new RegExp(`^新建群机器人${open}(.+)${close}$`), english: (format) => `Added a group bot (${format})` },
  { pattern: new RegExp(`^修改群机器人${open}(.+)${close}$`), english: (format) => `Edited a group bot (${format})` },
  { pattern: new RegExp(`^删除群机器人${open}(.+)${close}$`), english: (format) => `Removed a group bot (${format})` },

  // The system's notes on a ticket's history.
  { pattern: /^师傅已到场$/, english: () => 'The technician is on site' },
  { pattern: /^已进入抢单池$/, english: () => 'Put in the grab pool' },
  { pattern: /^按派单规则自动派单$/, english: () => 'Assigned automatically by the dispatch rule' },
  { pattern: /^工单 (\S+) 已合并到本单$/, english: (number) => `Ticket ${number} was merged into this one` },
  { pattern: /^已合并到工单 (\S+)$/, english: (number) => `Merged into ticket ${number}` },
  {
    pattern: new RegExp(`^已与您约定上门时间${colon}(.+?)(?:${open}(.*)${close})?$`),
    english: (time, note) => `Visit time agreed with you: ${time}${note ? ` (${note})` : ''}`,
  },
  {
    pattern: new RegExp(`^重复报事${colon}同一房屋 (\\d+) 天内已报同类问题${open}(.+)${close}$`),
    english: (days, numbers) => `Repeat report: the same household reported this kind of issue within ${days} days (${numbers.split('、').join(', ')})`,
  },
  { pattern: new RegExp(`^已关联群体事件${colon}(.+)$`), english: (title) => `Linked to the group incident: ${title}` },
  { pattern: new RegExp(`^已关联事件${colon}(.+)$`), english: (title) => `Linked to the incident: ${title}` },
  { pattern: new RegExp(`^已确认为群体投诉${open}(.+)${close}$`), english: (title) => `Confirmed as a group complaint (${title})` },
  {
    pattern: new RegExp(`^((?:${alternatives(clearNames)})(?:、(?:${alternatives(clearNames)}))*)$`),
    english: (steps) =>
      steps
        .split('、')
        .map((step) => fromLabels(clearSteps.labels as Record<ClearStep, Label>, step, 'en-US'))
        .join(', '),
  },

  // Incidents.
  { pattern: /^登记事件 (.+)$/, english: (title) => `Registered incident ${title}` },
  { pattern: /^修改事件 (.+)$/, english: (title) => `Edited incident ${title}` },
  {
    pattern: new RegExp(`^事件 (.+)${colon}(\\S+) → (\\S+)$`),
    english: (title, from, to) => `Incident ${title}: ${incidentStatus(from, 'en-US')} → ${incidentStatus(to, 'en-US')}`,
  },
  {
    pattern: new RegExp(`^疑似群体投诉${colon}(.+?)${open}(\\d+) 户 (\\d+) 小时内反映${close}$`),
    english: (name, households, hours) => `Possible group complaint: ${name} (${plural(households, 'household')} within ${hours} hours)`,
  },
  { pattern: /^修改群体事件识别阈值$/, english: () => 'Changed the group-complaint detection thresholds' },
  { pattern: /^通知已发送给 (\d+) 位住户$/, english: (count) => `Notice sent to ${plural(count, 'resident')}` },
  { pattern: /^(\d+) 张工单已关联$/, english: (count) => `${plural(count, 'ticket')} linked` },
  { pattern: /^新工单 (\S+) 已关联$/, english: (number) => `New ticket ${number} linked` },
  {
    pattern: new RegExp(`^(\\d+) 户在 (\\d+) 小时内反映同类问题${open}(.+)${close}${comma}请项目经理确认是否按群体投诉处理$`),
    english: (households, hours, name) =>
      `${plural(households, 'household')} reported the same kind of issue (${name}) within ${hours} hours; the project manager decides whether it is a group complaint`,
  },

  // The owner's timeline.
  {
    pattern: new RegExp(`^(${alternatives(typeNames)}) (\\S+) (.+)$`),
    english: (type, number, what) => `${fromLabels(ticketTypes.labels as Record<TicketType, Label>, type, 'en-US')} ${number} ${milestone(what)}`,
  },
  { pattern: /^住户档案建立$/, english: () => 'Resident record created' },
  { pattern: /^批量导入建档$/, english: () => 'Record created by the household import' },
  { pattern: /^住户档案更新$/, english: () => 'Resident record updated' },
  { pattern: /^发送业主端邀请链接$/, english: () => 'Sent an invite link to the owner pages' },
  { pattern: /^业主通过手机验证码登录$/, english: () => 'Signed in on the phone with an SMS code' },
  { pattern: /^业主通过邀请链接登录$/, english: () => 'Signed in on the phone with an invite link' },
  { pattern: /^表扬了(.+)$/, english: (name) => `Praised ${name}` },

  // Organisation and people.
  { pattern: /^新建项目 (.+)$/, english: (name) => `Created project ${name}` },
  { pattern: /^修改项目 (.+)$/, english: (name) => `Edited project ${name}` },
  { pattern: /^删除项目 (.+)$/, english: (name) => `Deleted project ${name}` },
  { pattern: /^新建区域 (.+)$/, english: (name) => `Created region ${name}` },
  { pattern: /^区域 (.+) 改名为 (.+)$/, english: (before, after) => `Renamed region ${before} to ${after}` },
  { pattern: /^删除区域 (.+)$/, english: (name) => `Deleted region ${name}` },
  { pattern: /^新建楼栋 (.+)$/, english: (name) => `Created building ${name}` },
  { pattern: /^修改楼栋 (.+)$/, english: (name) => `Edited building ${name}` },
  { pattern: /^删除楼栋 (.+)$/, english: (name) => `Deleted building ${name}` },
  { pattern: /^新建单元 (.+)$/, english: (name) => `Created unit ${name}` },
  { pattern: /^单元 (.+) 改名为 (.+)$/, english: (before, after) => `Renamed unit ${before} to ${after}` },
  { pattern: /^删除单元 (.+)$/, english: (name) => `Deleted unit ${name}` },
  { pattern: /^新建房屋 (.+?)\s*$/, english: (name) => `Created household ${name.replace(/\s+/g, ' ')}` },
  { pattern: /^修改房屋 (.+)$/, english: (name) => `Edited household ${name}` },
  { pattern: /^删除房屋 (.+)$/, english: (name) => `Deleted household ${name}` },
  { pattern: /^新建住户 (.+)$/, english: (name) => `Added resident ${name}` },
  { pattern: /^修改住户 (.+)$/, english: (name) => `Edited resident ${name}` },
  { pattern: /^删除住户 (.+)$/, english: (name) => `Deleted resident ${name}` },
  { pattern: /^为 (.+) 生成业主端邀请$/, english: (name) => `Made an owner-pages invite for ${name}` },
  {
    pattern: new RegExp(`^批量导入住户${open}(.+)${close}${colon}新建 (\\d+) 户、(\\d+) 位住户、(\\d+) 个单元$`),
    english: (file, households, persons, units) =>
      `Imported residents (${file}): ${plural(households, 'household')}, ${plural(persons, 'resident')}, ${plural(units, 'unit')} created`,
  },
  { pattern: new RegExp(`^新建员工 (.+?)${open}(.+)${close}$`), english: (name, login) => `Created staff member ${name} (${login})` },
  { pattern: /^修改员工 (.+)$/, english: (name) => `Edited staff member ${name}` },
  { pattern: /^重置 (.+) 的密码$/, english: (name) => `Reset the password of ${name}` },
  { pattern: /^更换员工照片 (.+)$/, english: (name) => `Changed the photo of ${name}` },
  { pattern: /^(.+) 修改了密码$/, english: (name) => `${name} changed their password` },

  // Owners on their phones.
  {
    pattern: new RegExp(`^业主从手机首页打开问卷${colon}(.+?)${open}(.+)${close}$`),
    english: (name, household) => `Owner opened survey ${name} (${household}) from the phone home`,
  },
  { pattern: /^业主表扬(.+)$/, english: (name) => `Owner praised ${name}` },

  // Surveys and campaigns.
  { pattern: new RegExp(`^新建问卷「(.+)」$`), english: (name) => `Created survey ${quoted(name)}` },
  { pattern: new RegExp(`^修改问卷「(.+)」第 (\\d+) 版$`), english: (name, version) => `Edited survey ${quoted(name)}, version ${version}` },
  { pattern: new RegExp(`^创建调查${colon}(.+)$`), english: (name) => `Created campaign ${name}` },
  {
    pattern: new RegExp(`^发布调查${colon}(.+)${comma}邀请 (\\d+) 户$`),
    english: (name, count) => `Published campaign ${name}, ${plural(count, 'household')} invited`,
  },
  {
    pattern: new RegExp(`^结束调查${colon}(.+)${comma}(\\d+) 份邀请过期$`),
    english: (name, count) => `Closed campaign ${name}, ${plural(count, 'invitation')} expired`,
  },
  {
    pattern: new RegExp(`^调查到期自动结束${colon}(.+)${comma}(\\d+) 份邀请过期$`),
    english: (name, count) => `Campaign ${name} closed on its end date, ${plural(count, 'invitation')} expired`,
  },
  {
    pattern: new RegExp(`^下载逐户问卷链接${colon}(.+)${comma}(\\d+) 户${open}此前的链接失效${close}$`),
    english: (name, count) => `Downloaded answer links of ${name} for ${plural(count, 'household')} (earlier links no longer work)`,
  },
  {
    pattern: new RegExp(`^重新生成问卷链接${colon}(.+?)${open}旧链接失效${close}$`),
    english: (household) => `New answer link for ${household} (the old one no longer works)`,
  },
  {
    pattern: new RegExp(`^打印楼栋海报${colon}(.+)${comma}(\\d+) 栋${open}此前的海报失效${close}$`),
    english: (name, count) => `Printed building posters of ${name} for ${plural(count, 'building')} (earlier posters no longer work)`,
  },
  {
    pattern: new RegExp(`^发送调查提醒${colon}(.+)${comma}(\\d+) 户$`),
    english: (name, count) => `Sent reminders of ${name} to ${plural(count, 'household')}`,
  },
  { pattern: new RegExp(`^录入纸质问卷${colon}(.+)$`), english: (name) => `Entered a paper questionnaire: ${name}` },
  {
    pattern: new RegExp(`^业主扫楼栋海报参加调查${colon}(.+?)${open}(.+)${close}$`),
    english: (name, place) => `Owner joined ${name} from the building poster (${place})`,
  },
  { pattern: /^新建导入调查活动 (.+)$/, english: (name) => `Created imported campaign ${name}` },
  {
    pattern: new RegExp(`^导入问卷答卷${open}(.+)${close}${colon}(\\d+) 份有效${comma}(\\d+) 处错误未导入$`),
    english: (file, valid, errors) => `Imported survey responses (${file}): ${valid} valid, ${plural(errors, 'error')} not imported`,
  },
  { pattern: new RegExp(`^新建指标体系「(.+)」$`), english: (name) => `Created indicator system ${quoted(name)}` },
  { pattern: new RegExp(`^修订指标体系「(.+)」为第 (\\d+) 版$`), english: (name, version) => `Revised indicator system ${quoted(name)} to version ${version}` },
  { pattern: new RegExp(`^停用指标体系「(.+)」$`), english: (name) => `Retired indicator system ${quoted(name)}` },

  // Experience, cases, training, scripts.
  { pattern: new RegExp(`^新建业主旅程「(.+)」$`), english: (name) => `Created journey ${quoted(name)}` },
  { pattern: new RegExp(`^修改业主旅程「(.+)」(\\d+)\\.0 草稿$`), english: (name, version) => `Edited the draft ${version}.0 of journey ${quoted(name)}` },
  { pattern: new RegExp(`^发布业主旅程「(.+)」(\\d+)\\.0$`), english: (name, version) => `Published journey ${quoted(name)} ${version}.0` },
  {
    pattern: new RegExp(`^业主旅程「(.+)」新建 (\\d+)\\.0${colon}(.*)$`),
    english: (name, version, note) => `Started version ${version}.0 of journey ${quoted(name)}: ${note}`,
  },
  { pattern: new RegExp(`^编辑案例「(.+)」$`), english: (title) => `Edited case ${quoted(title)}` },
  { pattern: new RegExp(`^发布案例「(.+)」$`), english: (title) => `Published case ${quoted(title)}` },
  { pattern: new RegExp(`^案例「(.+)」列入周例会$`), english: (title) => `Put case ${quoted(title)} on the weekly meeting` },
  { pattern: new RegExp(`^案例「(.+)」移出周例会$`), english: (title) => `Took case ${quoted(title)} off the weekly meeting` },
  { pattern: new RegExp(`^新建培训课程「(.+)」$`), english: (title) => `Created course ${quoted(title)}` },
  {
    pattern: new RegExp(`^指派课程「(.+)」给 (\\d+) 人$`),
    english: (title, count) => `Assigned course ${quoted(title)} to ${plural(count, 'person', 'people')}`,
  },
  {
    pattern: new RegExp(`^(修改|新增)话术「(.+)」${open}(.+)${close}$`),
    english: (verb, title, key) => `${verb === '修改' ? 'Edited' : 'Added'} script ${quoted(title)} (${key})`,
  },
  { pattern: new RegExp(`^删除话术「(.+)」$`), english: (title) => `Removed script ${quoted(title)}` },
  { pattern: /^记录感动点$/, english: () => 'Recorded a delight moment' },
  { pattern: /^由业主表扬记录感动点$/, english: () => "Recorded a delight moment from an owner's praise" },
  { pattern: /^感动点加 (\d+) 分$/, english: (points) => `Delight moment rewarded with ${plural(points, 'point')}` },

  // Quality and management.
  {
    pattern: new RegExp(`^(确认|驳回)质检发现「(.+)」$`),
    english: (verb, excerpt) => `${verb === '确认' ? 'Accepted' : 'Rejected'} the QA finding ${quoted(excerpt)}`,
  },
  { pattern: /^修改沟通质检规则$/, english: () => 'Changed the communication QA rules' },
  { pattern: /^质检评分 (\d+) 分$/, english: (total) => `QA review scored ${total}` },
  { pattern: /^修改人工质检抽样比例$/, english: () => 'Changed the manual QA sample rates' },
  { pattern: new RegExp(`^品质巡检${open}(.+)${close}$`), english: (name) => `Quality inspection (${post(name, 'en-US')})` },
  { pattern: new RegExp(`^开始巡检${colon}(.+)$`), english: (place) => `Started the inspection: ${place}` },
  { pattern: new RegExp(`^巡检项「(.+)」$`), english: (item) => `Inspection item ${quoted(item)}` },
  { pattern: new RegExp(`^巡检照片「(.+)」$`), english: (item) => `Inspection photo ${quoted(item)}` },
  { pattern: new RegExp(`^提交巡检${comma}得分 (\\S+)$`), english: (score) => `Submitted the inspection, score ${score}` },
  { pattern: new RegExp(`^整改完成${colon}(.*)$`), english: (note) => `Rectification done: ${note}` },
  { pattern: /^目标 (\S+) (\S+)$/, english: (code, value) => `Target: ${metric(code, 'en-US')} ${value}` },
  {
    pattern: new RegExp(`^目标分解为 (\\d+) 个子目标${open}(.+)${close}$`),
    english: (count, code) => `Target split into ${plural(count, 'child', 'children')} (${basis(code, 'en-US')})`,
  },
  { pattern: new RegExp(`^当众承诺${colon}(.*)$`), english: (statement) => `Public commitment: ${statement}` },
  { pattern: /^设定项目目标 (.+)$/, english: (name) => `Set the targets of project ${name}` },
  { pattern: /^对积分提出异议$/, english: () => 'Objected to a scorecard point' },
  { pattern: /^修改积分规则$/, english: () => 'Changed the scorecard rules' },

  { pattern: new RegExp(`^关键行动「(.+)」$`), english: (title) => `Key action ${quoted(title)}` },
  { pattern: new RegExp(`^认领关键行动「(.+)」$`), english: (title) => `Claimed the key action ${quoted(title)}` },
  { pattern: new RegExp(`^完成关键行动「(.+)」$`), english: (title) => `Completed the key action ${quoted(title)}` },
  { pattern: new RegExp(`^完成证据照片「(.+)」$`), english: (title) => `Evidence photo of ${quoted(title)}` },
  { pattern: new RegExp(`^会议「(.+)」$`), english: (title) => `Meeting ${quoted(title)}` },
  { pattern: new RegExp(`^例会问题${colon}(.+)$`), english: (question) => `Question for the weekly meeting: ${question}` },
  { pattern: new RegExp(`^答复例会问题${colon}(.+)$`), english: (answer) => `Answered a weekly-meeting question: ${answer}` },
  { pattern: /^(.+) (\S+) 差距(\S+) SWOT 分析$/, english: (name, period, gap) => `${name} ${period} gap ${gap} SWOT analysis` },
  { pattern: /^(.+) (\S+) 管理者期望问卷$/, english: (name, period) => `${name} ${period} managers' expectation questionnaire` },

  // Notices.
  {
    pattern: new RegExp(`^发布通知「(.+)」${comma}送达 (\\d+) 位住户$`),
    english: (title, count) => `Published notice ${quoted(title)}, delivered to ${plural(count, 'resident')}`,
  },
  { pattern: new RegExp(`^新建通知「(.+)」$`), english: (title) => `Created notice ${quoted(title)}` },
  { pattern: new RegExp(`^编辑通知「(.+)」$`), english: (title) => `Edited notice ${quoted(title)}` },
  { pattern: /^提醒未读住户 (\d+) 位$/, english: (count) => `Reminded ${plural(count, 'resident')} who had not read it` },

  // Analytics.
  {
    pattern: new RegExp(`^导入欠费住户 (.+)${colon}(\\d+) 行有效${comma}(\\d+) 行有误$`),
    english: (file, valid, wrong) => `Imported households in arrears ${file}: ${plural(valid, 'valid row')}, ${plural(wrong, 'wrong row')}`,
  },
  {
    pattern: new RegExp(`^导入收费数据 (.+)${colon}(\\d+) 行有效${comma}(\\d+) 行有误$`),
    english: (file, valid, wrong) => `Imported fee collection ${file}: ${plural(valid, 'valid row')}, ${plural(wrong, 'wrong row')}`,
  },
  {
    pattern: new RegExp(`^录入欠费住户 (.+)${colon}(\\S+) 元${comma}(\\S+) 个月$`),
    english: (place, amount, months) => `Entered arrears of ${place}: ¥${amount}, ${plural(months, 'month')}`,
  },
  { pattern: /^欠费住户已缴清 (.+)$/, english: (place) => `Arrears of ${place} paid` },
  { pattern: /^录入收费数据 (.+) (\S+)$/, english: (name, month) => `Entered fee collection of ${name} for ${month}` },
  { pattern: /^生成报告 (\S+) (.+)$/, english: (kind, period) => `Made the ${reportKind(kind, 'en-US')} ${period}` },
  { pattern: /^公司月报 (\S+)$/, english: (month) => `Company monthly report ${month}` },
  { pattern: /^(.+) 周报$/, english: (name) => `${name} weekly report` },
  { pattern: /^下载报告 (.+)$/, english: (file) => `Downloaded report ${file}` },
];

/** Codes some older Chinese rows carry, put into words (issue 15 §3: no raw codes in Chinese mode). */
const chineseRules: Rule[] = [
  {
    pattern: new RegExp(`^事件 (.+)${colon}([a-z_]+) → ([a-z_]+)$`),
    english: (title, from, to) => `事件 ${title}：${incidentStatus(from, 'zh-CN')} → ${incidentStatus(to, 'zh-CN')}`,
  },
  { pattern: new RegExp(`^删除派单规则${colon}([a-z_]+)$`), english: (code) => `删除派单规则：${post(code, 'zh-CN')}` },
  { pattern: new RegExp(`^品质巡检${open}([a-z_]+)${close}$`), english: (code) => `品质巡检（${post(code, 'zh-CN')}）` },
  { pattern: /^目标 ([a-z_0-9]+) (\S+)$/, english: (code, value) => `目标 ${metric(code, 'zh-CN')} ${value}` },
  {
    pattern: new RegExp(`^目标分解为 (\\d+) 个子目标${open}([a-z]+)${close}$`),
    english: (count, code) => `目标分解为 ${count} 个子目标（${basis(code, 'zh-CN')}）`,
  },
  { pattern: /^生成报告 ([a-z]+) (.+)$/, english: (kind, period) => `生成${reportKind(kind, 'zh-CN')} ${period}` },
];

function apply(table: readonly Rule[], text: string): string | null {
  for (const rule of table) {
    const match = rule.pattern.exec(text);
    if (match) return rule.english(...match.slice(1).map((part) => part ?? ''));
  }
  return null;
}

/** A text the server wrote, in the reader's language; what no rule knows is returned unchanged. */
export function systemText(text: string, locale: Locale): string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  return apply(locale === 'en-US' ? rules : chineseRules, trimmed) ?? text;
}

/** Whether the English table knows the text (for the test that reads the server's summaries). */
export function hasEnglishSystemText(text: string): boolean {
  return apply(rules, text.trim()) !== null;
}
