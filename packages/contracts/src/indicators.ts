import { localTextSchema, staffPosts, type IndicatorTreeNode } from '@manyi/core';
import { z } from 'zod';

/** Stable dotted code, e.g. responsiveness.repair_timeliness; answers and rollups are keyed by it. */
const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/)
  .max(60);
const post = z.enum(staffPosts.values);
const nodeBase = { code, name: localTextSchema, weight: z.number().finite(), post: post.optional() };

// Three explicit levels (dimension → indicator → sub-indicator, DESIGN §1) rather than a recursive
// schema: deeper trees are not part of the method, and the OpenAPI document stays flat.
const subIndicator = z.object(nodeBase);
const indicator = z.object({ ...nodeBase, children: z.array(subIndicator).max(30).optional() });
const dimension = z.object({ ...nodeBase, children: z.array(indicator).max(30).optional() });
export const indicatorTree = z.array(dimension).max(30);

// The schema and the core type must describe the same thing.
const treeIsCore = (tree: z.infer<typeof indicatorTree>): IndicatorTreeNode[] => tree;
void treeIsCore;

export const indicatorSystemParams = z.object({ id: z.uuid() });
export const indicatorVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) });

export const indicatorSystemCreate = z.object({
  name: z.string().trim().min(1).max(100),
  post: post.nullish(),
  /** Start from a built-in tree (indicatorTemplates); otherwise from `tree`, or empty. */
  templateCode: z.string().max(60).optional(),
  tree: indicatorTree.optional(),
});
export type IndicatorSystemCreate = z.infer<typeof indicatorSystemCreate>;

export const indicatorSystemUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  post: post.nullish(),
  tree: indicatorTree,
  /** The current version the editor loaded: when someone has revised the system since, the edit is refused (409 indicator_system_changed). */
  expectedVersion: z.number().int().positive().optional(),
});
export type IndicatorSystemUpdate = z.infer<typeof indicatorSystemUpdate>;

const versionSummary = z.object({ version: z.number().int(), createdAt: z.date(), createdById: z.uuid().nullable() });

export const indicatorSystemSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  post: post.nullable(),
  templateCode: z.string().nullable(),
  currentVersion: z.number().int(),
  archived: z.boolean(),
  updatedAt: z.date(),
});
export const indicatorSystemList = z.object({ items: z.array(indicatorSystemSummary) });

export const indicatorSystemDetail = indicatorSystemSummary.extend({
  /** The version shown (the current one unless a version was asked for). */
  version: z.number().int(),
  tree: indicatorTree,
  versions: z.array(versionSummary),
});
export type IndicatorSystemDetail = z.infer<typeof indicatorSystemDetail>;

export const indicatorTemplateList = z.object({
  items: z.array(z.object({ code: z.string(), name: localTextSchema, description: localTextSchema, roots: indicatorTree })),
});
