import { staffPosts } from '@manyi/core';
import { z } from 'zod';

export const categoryParams = z.object({ code: z.string().trim().min(1).max(100) });

export const categoryQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

export const categoryPatch = z.object({
  nameZh: z.string().trim().min(1).max(50).optional(),
  nameEn: z.string().trim().min(1).max(80).optional(),
  defaultPost: z.enum(staffPosts.values).nullable().optional(),
  active: z.boolean().optional(),
  /** Resolving work of this category needs a photo of the result (issue 15 §4). */
  requiresPhoto: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});

const categoryFields = {
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  defaultPost: z.string().nullable(),
  safetyCritical: z.boolean(),
  requiresPhoto: z.boolean(),
  active: z.boolean(),
  position: z.number(),
};

export type CategoryNode = z.infer<z.ZodObject<typeof categoryFields>> & { children: CategoryNode[] };

export const categoryNode: z.ZodType<CategoryNode> = z.object({
  ...categoryFields,
  get children() {
    return z.array(categoryNode);
  },
});

export const category = z.object(categoryFields);
export const categoryTree = z.object({ items: z.array(categoryNode) });
