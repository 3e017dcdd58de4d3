/**
 * Indicator systems (指标体系, issue 4 §1): a weighted tree per post or company-wide. Every edit
 * writes a new immutable version, so results computed against an older version keep the weights
 * they were computed with; the system row only points at the current one.
 */
import {
  flattenIndicatorTree,
  indicatorTemplate,
  indicatorTemplates,
  toIndicatorNodes,
  validateIndicatorWeights,
  type IndicatorTreeNode,
  type IndicatorWeightIssue,
  type LocalText,
} from '@manyi/core';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { messages } from '../http/messages';
import { fieldProblem, HttpProblem, notFound, type FieldProblem } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { indicatorMessages, weightSumMessage } from './messages';
import {
  findSystemRow,
  findVersionRow,
  insertSystemRow,
  insertVersionRow,
  listSystemRows,
  listVersionRows,
  updateSystemRow,
  type IndicatorSystemRow,
} from './repository';
import type { IndicatorSystemCreate, IndicatorSystemDetail, IndicatorSystemUpdate } from '@manyi/contracts/indicators';

const labelOf = (name: LocalText) => ({ 'zh-CN': name['zh-CN'], 'en-US': name['en-US'] || name['zh-CN'] });

type NodePath = { path: string; node: IndicatorTreeNode };

/** The request path of every node ("tree.2.children.0") by code, in tree order, so a problem points at what the editor shows. */
function nodePaths(tree: readonly IndicatorTreeNode[], prefix = 'tree', paths = new Map<string, NodePath[]>()): Map<string, NodePath[]> {
  tree.forEach((node, index) => {
    const path = `${prefix}.${index}`;
    paths.set(node.code, [...(paths.get(node.code) ?? []), { path, node }]);
    nodePaths(node.children ?? [], `${path}.children`, paths);
  });
  return paths;
}

function issueField(issue: IndicatorWeightIssue, paths: Map<string, NodePath[]>): FieldProblem {
  if (issue.kind === 'sum_not_100') {
    const parent = issue.parentId === null ? undefined : paths.get(issue.parentId)?.[0];
    return { field: parent ? `${parent.path}.children` : 'tree', messages: weightSumMessage(parent ? labelOf(parent.node.name) : null, issue.sum) };
  }
  // The repeated code is reported where it appears again, not where it first stood.
  if (issue.kind === 'duplicate_id') return { field: `${paths.get(issue.nodeId)?.at(-1)?.path ?? 'tree'}.code`, messages: indicatorMessages.duplicate_code };
  return { field: `${paths.get(issue.nodeId)?.[0]?.path ?? 'tree'}.weight`, messages: indicatorMessages.invalid_weight };
}

/**
 * 422 with one field error per offending level (weights not summing to 100, validateIndicatorWeights),
 * duplicate code or bad weight. An empty tree is a blank system still being drafted and passes.
 */
export function requireValidTree(tree: readonly IndicatorTreeNode[]): void {
  if (tree.length === 0) return;
  const check = validateIndicatorWeights(toIndicatorNodes(tree));
  if (check.valid) return;
  const paths = nodePaths(tree);
  throw new HttpProblem(
    422,
    'validation',
    messages.validation,
    check.issues.map((issue) => issueField(issue, paths)),
  );
}

async function systemOf(context: Context, id: string): Promise<IndicatorSystemRow> {
  const row = await findSystemRow(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  return row;
}

async function detail(db: Executor, tenantId: string, system: IndicatorSystemRow, version = system.currentVersion): Promise<IndicatorSystemDetail> {
  const row = await findVersionRow(db, tenantId, system.id, version);
  if (!row) throw notFound();
  return {
    id: system.id,
    name: system.name,
    post: system.post as IndicatorSystemDetail['post'],
    templateCode: system.templateCode,
    currentVersion: system.currentVersion,
    archived: system.archived,
    updatedAt: system.updatedAt,
    version,
    tree: row.tree as IndicatorTreeNode[],
    versions: await listVersionRows(db, tenantId, system.id),
  };
}

/** The codes of a system's version, for checking the questions that measure them (surveys). */
export async function indicatorCodesOf(db: Executor, tenantId: string, systemId: string, version: number): Promise<Set<string> | undefined> {
  const row = await findVersionRow(db, tenantId, systemId, version);
  return row ? new Set(flattenIndicatorTree(row.tree as IndicatorTreeNode[]).map((node) => node.code)) : undefined;
}

export function listIndicatorTemplates() {
  return { items: indicatorTemplates.map((template) => ({ ...template })) };
}

export async function listIndicatorSystems(context: Context) {
  const rows = await listSystemRows(context.db, context.principal.tenantId);
  return { items: rows.map((row) => ({ ...row, post: row.post as IndicatorSystemDetail['post'] })) };
}

export async function getIndicatorSystem(context: Context, id: string, version?: number): Promise<IndicatorSystemDetail> {
  return detail(context.db, context.principal.tenantId, await systemOf(context, id), version);
}

/** Inserts a system with its version 1 inside the caller's transaction (surveys made from a template use it too). */
export async function insertIndicatorSystem(tx: Executor, context: Context, input: IndicatorSystemCreate): Promise<IndicatorSystemRow> {
  let tree: IndicatorTreeNode[] = input.tree ?? [];
  if (input.templateCode) {
    const template = indicatorTemplate(input.templateCode);
    if (!template) throw fieldProblem('templateCode', indicatorMessages.unknown_template);
    tree = input.tree ?? structuredClone(template.roots);
  }
  requireValidTree(tree);
  const tenantId = context.principal.tenantId;
  const now = context.clock.now();
  const system = await insertSystemRow(tx, {
    tenantId,
    name: input.name,
    post: input.post ?? null,
    templateCode: input.templateCode ?? null,
    currentVersion: 1,
    createdAt: now,
    updatedAt: now,
  });
  if (!system) throw new HttpProblem(500, 'internal');
  await insertVersionRow(tx, { tenantId, systemId: system.id, version: 1, tree, createdById: context.principal.staffId, createdAt: now });
  await recordAudit(tx, context, {
    action: 'create',
    entityType: 'indicator_system',
    entityId: system.id,
    summary: `新建指标体系「${system.name}」`,
    after: { ...system, tree },
  });
  return system;
}

export async function createIndicatorSystem(context: Context, input: IndicatorSystemCreate): Promise<IndicatorSystemDetail> {
  requirePermission(context.principal, 'survey.design');
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => detail(tx, tenantId, await insertIndicatorSystem(tx, context, input)));
}

/** An edit is a new version; earlier versions stay as they were. */
export async function reviseIndicatorSystem(context: Context, id: string, input: IndicatorSystemUpdate): Promise<IndicatorSystemDetail> {
  requirePermission(context.principal, 'survey.design');
  requireValidTree(input.tree);
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => {
    const before = await findSystemRow(tx, tenantId, id, true);
    if (!before) throw notFound();
    if (before.archived) throw new HttpProblem(409, 'conflict', indicatorMessages.archived);
    // The row is locked: of two editors who loaded the same version, the second is told rather than replacing the first's version.
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.currentVersion) {
      throw new HttpProblem(409, 'indicator_system_changed', indicatorMessages.changed_elsewhere);
    }
    const now = context.clock.now();
    const version = before.currentVersion + 1;
    await insertVersionRow(tx, { tenantId, systemId: id, version, tree: input.tree, createdById: context.principal.staffId, createdAt: now });
    const system = await updateSystemRow(tx, tenantId, id, {
      currentVersion: version,
      updatedAt: now,
      ...(input.name !== undefined && { name: input.name }),
      ...(input.post !== undefined && { post: input.post }),
    });
    if (!system) throw notFound();
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'indicator_system',
      entityId: id,
      summary: `修订指标体系「${system.name}」为第 ${version} 版`,
      before,
      after: { ...system, tree: input.tree },
    });
    return detail(tx, tenantId, system);
  });
}

export async function archiveIndicatorSystem(context: Context, id: string): Promise<IndicatorSystemDetail> {
  requirePermission(context.principal, 'survey.design');
  const system = await systemOf(context, id);
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => {
    const archived = await updateSystemRow(tx, tenantId, id, { archived: true, updatedAt: context.clock.now() });
    if (!archived) throw notFound();
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'indicator_system',
      entityId: id,
      summary: `停用指标体系「${system.name}」`,
      before: system,
      after: archived,
    });
    return detail(tx, tenantId, archived);
  });
}
