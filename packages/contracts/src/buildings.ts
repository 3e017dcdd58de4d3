import { z } from 'zod';

export const buildingBody = z.object({
  projectId: z.uuid(),
  name: z.string().trim().min(1).max(40),
  floors: z.number().int().min(1).max(200).nullable().optional(),
});
export const buildingPatch = buildingBody.omit({ projectId: true }).partial().extend({
  /** The steward (管家) of the building's households, shown on the owners' phones (issue 15 §5). */
  stewardId: z.uuid().nullable().optional(),
});
export const buildingQuery = z.object({ projectId: z.uuid().optional() });

export const unitBody = z.object({ buildingId: z.uuid(), name: z.string().trim().min(1).max(40) });
export const unitPatch = unitBody.pick({ name: true });

export const unit = z.object({ id: z.uuid(), name: z.string() });
export const building = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  name: z.string(),
  floors: z.number().nullable(),
  /** The steward owners of this building see on their phones (null: the project's steward stands in). */
  stewardId: z.uuid().nullable(),
  unitCount: z.number().int(),
  householdCount: z.number().int(),
  units: z.array(unit),
});
export type BuildingView = z.infer<typeof building>;
export const unitView = unit.extend({ buildingId: z.uuid() });
