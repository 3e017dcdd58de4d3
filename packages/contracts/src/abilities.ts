import { z } from 'zod';

/**
 * The permissions of the server's policy (apps/server/src/policy/policy.ts holds which roles have
 * each; its table must name exactly these). Reading is open to every staff role within its projects.
 */
export const permissionNames = [
  'organisation.manage',
  'building.write',
  'household.write',
  'person.write',
  'person.invite',
  'import.run',
  'staff.read',
  'staff.manage',
  'audit.read',
  'ticket.create',
  'ticket.edit',
  'ticket.note',
  'ticket.manage',
  'complaint.record',
  'dispatch.manage',
  'category.manage',
  'canned_reply.manage',
  'incident.manage',
  'sla.manage',
  'webhook.manage',
  'survey.design',
  'campaign.manage',
  'campaign.distribute',
  'survey.import',
  'survey.paper_entry',
  'survey.results',
  'training.manage',
  'journey.manage',
  'delight.reward',
  'case.edit',
  'notice.manage',
  'analytics.read',
  'analytics.manage',
  'text_qa.manage',
  'inspection.conduct',
  'inspection.rectify',
  'target.manage',
  'action.manage',
  'scorecard.review',
  'scorecard.manage',
  'gap.read',
  'gap.analyse',
] as const;
export type PermissionName = (typeof permissionNames)[number];

/** Abilities that are more than one permission; the policy defines each as a rule over the principal. */
export const compoundAbilityNames = [
  /** Change the group-detection thresholds: incident.manage held company-wide. */
  'incident.settings',
] as const;
export type CompoundAbilityName = (typeof compoundAbilityNames)[number];

export const abilityNames = [...permissionNames, ...compoundAbilityNames] as const;
export type AbilityName = (typeof abilityNames)[number];

/**
 * What the signed-in staff member may do, computed by the server from the policy that enforces it
 * (like outline's presentPolicies): the console shows an action only when its ability is here, and
 * the server checks again on every request.
 */
export const abilities = z.object({
  /** Every ability the principal holds, in the order of abilityNames. */
  permissions: z.array(z.enum(abilityNames)),
  /** Company-wide roles act on every project of the company... */
  allProjects: z.boolean(),
  /** ...the others on these only (empty when allProjects). */
  projectIds: z.array(z.uuid()),
});
export type Abilities = z.infer<typeof abilities>;
