import { householdStatuses, personRoles } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';

export const householdBody = z.object({
  buildingId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  room: z.string().trim().min(1).max(20),
  area: z.number().positive().max(100_000).nullable().optional(),
  status: z.enum(householdStatuses.values).optional(),
});
export const householdPatch = householdBody.partial();

export const householdFilter = z.object({
  projectId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: z.enum(householdStatuses.values).optional(),
  q: z.string().trim().max(50).optional(),
});
export type HouseholdFilter = z.infer<typeof householdFilter>;
export const householdQuery = householdFilter.extend(pageQuery);

export const personSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(personRoles.values),
  phone: z.string().nullable(),
  isVip: z.boolean(),
});

export const household = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  room: z.string(),
  label: z.string(),
  area: z.number().nullable(),
  status: z.enum(householdStatuses.values),
  persons: z.array(personSummary),
});
export type HouseholdView = z.infer<typeof household>;
