import { z } from 'zod';

export const region = z.object({ id: z.uuid(), name: z.string() });
export const regionBody = z.object({ name: z.string().trim().min(1).max(50) });
export type Region = z.infer<typeof region>;
