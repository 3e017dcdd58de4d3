import { alertKinds, alertTargets, type AlertKind, type AlertTarget } from '@manyi/contracts/sla-alerts';
import type { AlertView, SlaPolicyView } from '@manyi/contracts/sla';
import type { TenantSlaPolicy } from './policy-store';
import type { AlertListRow } from './repository';

export function presentAlert(row: AlertListRow): AlertView {
  const { alert } = row;
  const kind = alert.kind as AlertKind;
  const target = alert.target as AlertTarget;
  return {
    id: alert.id,
    ticketId: alert.ticketId,
    ticketNumber: row.ticketNumber,
    ticketTitle: row.ticketTitle,
    projectId: alert.projectId,
    projectName: row.projectName,
    kind,
    kindLabel: alertKinds.labels[kind],
    target,
    targetLabel: alertTargets.labels[target],
    level: alert.level,
    recipientRole: alert.recipientRole,
    dueAt: alert.dueAt,
    createdAt: alert.createdAt,
    readAt: alert.readAt,
  };
}

export function presentPolicy(policy: TenantSlaPolicy): SlaPolicyView {
  const match = Object.fromEntries(Object.entries(policy.match).map(([key, values]) => [key, [...(values as readonly string[])]]));
  return {
    code: policy.code,
    position: policy.position,
    name: policy.name,
    match,
    targets: policy.targets,
    warnShare: policy.warnShare,
    active: policy.active,
    rationale: policy.rationale,
  };
}
