import { projectStages, projectTypes } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';

export const projectBody = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'project_code' }),
  name: z.string().trim().min(1).max(100),
  type: z.enum(projectTypes.values),
  stage: z.enum(projectStages.values),
  regionId: z.uuid().nullable().optional(),
  city: z.string().trim().max(50).optional(),
  address: z.string().trim().max(200).optional(),
  /** 服务热线: filled into call scripts and owner notices ({服务热线}). */
  hotline: z.string().trim().max(30).optional(),
});
export const projectPatch = projectBody.partial();

export const projectQuery = z.object({
  ...pageQuery,
  q: z.string().trim().max(100).optional(),
  type: z.enum(projectTypes.values).optional(),
  stage: z.enum(projectStages.values).optional(),
  regionId: z.uuid().optional(),
});

export const project = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(projectTypes.values),
  stage: z.enum(projectStages.values),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  city: z.string(),
  address: z.string(),
  hotline: z.string(),
  buildingCount: z.number().int(),
  householdCount: z.number().int(),
  createdAt: z.date(),
});
export type ProjectView = z.infer<typeof project>;

export const idParams = z.object({ id: z.uuid() });
