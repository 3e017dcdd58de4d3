import { abilityNames, type Abilities, type AbilityName, type CompoundAbilityName, type PermissionName } from '@manyi/contracts/abilities';
import { companyWideRoles, type StaffRole } from '@manyi/core';
import { HttpProblem, notFound } from '../http/problem';
import type { StaffPrincipal } from '../http/principal';

/**
 * Who may do what (STYLE: one policy module, checked by every service before touching data).
 * Reading is open to every staff role within its project scope; writing is by role.
 */
export const permissions = {
  'organisation.manage': ['admin'],
  'building.write': ['admin', 'manager'],
  'household.write': ['admin', 'manager', 'steward'],
  'person.write': ['admin', 'manager', 'steward'],
  'person.invite': ['admin', 'manager', 'steward'],
  'import.run': ['admin', 'manager', 'steward'],
  'staff.read': ['admin', 'quality', 'manager'],
  'staff.manage': ['admin'],
  'audit.read': ['admin', 'quality'],
  // Service desk. Any staff member who hears an issue opens a ticket (seed 003 全员服务, 首问负责);
  // what happens to it afterwards is decided per action by the state machine in @manyi/core.
  'ticket.create': ['admin', 'quality', 'manager', 'steward', 'technician'],
  'ticket.edit': ['admin', 'quality', 'manager', 'steward'],
  'ticket.note': ['admin', 'quality', 'manager', 'steward', 'technician'],
  'ticket.manage': ['admin', 'manager', 'steward'],
  'complaint.record': ['admin', 'quality', 'manager', 'steward'],
  'dispatch.manage': ['admin', 'manager'],
  'category.manage': ['admin', 'quality'],
  'canned_reply.manage': ['admin', 'quality', 'manager'],
  // Group, planned and emergency incidents (issue 3 §9): confirm, dismiss, announce, close.
  'incident.manage': ['admin', 'quality', 'manager'],
  // SLA policies, the holiday calendar and group-bot webhooks are company-wide settings.
  'sla.manage': ['admin', 'quality'],
  'webhook.manage': ['admin'],
  // Indicator systems and questionnaires are the quality department's method (issue 4 §1–2); every staff role may read them.
  'survey.design': ['admin', 'quality'],
  // Campaigns (issue 4 §3): the quality department plans, launches, closes and reminds; project staff hand out links and posters in their projects.
  'campaign.manage': ['admin', 'quality'],
  'campaign.distribute': ['admin', 'quality', 'manager', 'steward'],
  // Responses collected elsewhere (问卷星, paper tallies) enter the company's measurement: the quality department's job.
  'survey.import': ['admin', 'quality'],
  // Typing in paper questionnaires (issue 4 §3): the quality department and the project's own staff who collected them.
  'survey.paper_entry': ['admin', 'quality', 'manager', 'steward'],
  // Campaign results and their export (issue 4 §6): the quality department company-wide, project managers for their own projects.
  'survey.results': ['admin', 'quality', 'manager'],
  // The training academy (issue 19 §5): every staff member learns; these assign courses, write the company's own and follow their teams.
  'training.manage': ['admin', 'quality', 'manager'],
  // Communication quality (issue 17): the quality department reviews findings and scores, and edits the company's QA rules.
  'text_qa.manage': ['admin', 'quality'],
  // Owner journey maps (issue 19 §1) are the quality department's design of the service; everyone reads them.
  'journey.manage': ['admin', 'quality'],
  // Rewarding a 感动点 (issue 19 §3) and taking owners' praise into the log: those who lead the staff concerned.
  'delight.reward': ['admin', 'quality', 'manager'],
  // The case library (issue 18 §6): the quality department and project managers edit and publish cases; everyone reads published ones.
  'case.edit': ['admin', 'quality', 'manager'],
  // The notices centre (issue 19 §4, 提前告知): stewards and managers tell their buildings before owners notice.
  'notice.manage': ['admin', 'quality', 'manager', 'steward'],
  // Analytics (issue 16): homes, drill-down and rankings for the quality department company-wide and managers in their projects;
  // targets and fee-collection figures are set by the quality department.
  'analytics.read': ['admin', 'quality', 'manager'],
  'analytics.manage': ['admin', 'quality'],
  // Quality inspections (issue 18 §1, 品质巡检): the quality department inspects (never a project the inspector serves, service rule);
  // the project's own staff report rectifications fixed.
  'inspection.conduct': ['admin', 'quality'],
  'inspection.rectify': ['admin', 'manager', 'steward'],
  // SMART targets (issue 18 §3): the quality department for the company and regions, project managers within their projects.
  'target.manage': ['admin', 'quality', 'manager'],
  // Action plans and meetings (issue 18 §5, §7): those who lead a project write its key actions, hold the town hall and weekly meeting,
  // write ORID and 5-3-1, and answer staff questions; any staff member of the project claims an action (自发认领) and asks questions.
  'action.manage': ['admin', 'quality', 'manager'],
  // Scorecards (issue 18 §4): everyone sees their own card and objects to a point; the quality department company-wide and
  // project managers in their projects see others' cards and the rankings and resolve objections; the weights are company-wide.
  'scorecard.review': ['admin', 'quality', 'manager'],
  'scorecard.manage': ['admin', 'quality'],
  // The 5-GAP workspace (issue 18 §2): the quality department company-wide and project managers in their projects read the gaps,
  // write the SWOT beside them and answer gap 1's questionnaire (what they think owners expect).
  'gap.read': ['admin', 'quality', 'manager'],
  'gap.analyse': ['admin', 'quality', 'manager'],
} satisfies Record<PermissionName, StaffRole[]>;

export type Permission = PermissionName;

export function can(principal: StaffPrincipal, permission: Permission): boolean {
  const allowed: readonly StaffRole[] = permissions[permission];
  return principal.roles.some((role) => allowed.includes(role));
}

export function requirePermission(principal: StaffPrincipal, permission: Permission): void {
  if (!can(principal, permission)) throw new HttpProblem(403, 'forbidden');
}

/** Company-wide roles see every project; the rest only those they are assigned to. */
export function isCompanyWide(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => companyWideRoles.includes(role));
}

/** Rules over more than one permission; the route that enforces each calls `holds` with its name. */
const compoundAbilities: Record<CompoundAbilityName, (principal: StaffPrincipal) => boolean> = {
  // Group-detection thresholds are a company-wide rule (incidents/settings.ts).
  'incident.settings': (principal) => can(principal, 'incident.manage') && isCompanyWide(principal.roles),
};

const isPermission = (name: AbilityName): name is PermissionName => Object.hasOwn(permissions, name);

/** Whether the principal holds an ability: a permission of the table above or a compound rule. */
export function holds(principal: StaffPrincipal, ability: AbilityName): boolean {
  return isPermission(ability) ? can(principal, ability) : compoundAbilities[ability](principal);
}

/**
 * What the console may offer this principal (GET /auth/me), computed by the same functions that
 * enforce it, so the console never keeps role lists of its own.
 */
export function abilitiesOf(principal: StaffPrincipal): Abilities {
  return {
    permissions: abilityNames.filter((ability) => holds(principal, ability)),
    allProjects: principal.projectIds === null,
    projectIds: principal.projectIds ?? [],
  };
}

export function inScope(principal: StaffPrincipal, projectId: string): boolean {
  return principal.projectIds === null || principal.projectIds.includes(projectId);
}

/**
 * A record outside the caller's projects is reported as missing, not forbidden, so that staff
 * cannot probe which ids exist in projects they do not serve.
 */
export function requireProjectScope(principal: StaffPrincipal, projectId: string): void {
  if (!inScope(principal, projectId)) throw notFound();
}

/**
 * For filters in list queries: the projects to restrict to, or null for no restriction.
 * A requested project outside the scope yields an empty list rather than an error.
 */
export function scopedProjectIds(principal: StaffPrincipal, requested?: string): string[] | null {
  if (requested) return inScope(principal, requested) ? [requested] : [];
  return principal.projectIds;
}
