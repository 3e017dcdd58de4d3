import type { z } from 'zod';

type Bounded = { minLength: number | null; maxLength: number | null };
type Wrapper = { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } };

/** Through optional, nullable, default and pipe wrappers to the string schema underneath. */
function stringOf(schema: z.ZodType): Bounded | null {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if ('maxLength' in current) return current as unknown as Bounded;
    const def: Wrapper['_zod']['def'] = (current as unknown as Wrapper)._zod.def;
    current = def.innerType ?? def.in;
  }
  return null;
}

/**
 * The length bounds of a text field of a request body, so a form's `max`/`maxLength` are the very
 * numbers the server validates with. Throws for a field without a maximum: a form limit must exist.
 */
export function textLimits<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, field: keyof Shape & string): { min: number | undefined; max: number } {
  const text = stringOf(schema.shape[field] as z.ZodType);
  if (!text || text.maxLength === null) throw new Error(`${field} has no maximum length in the contract`);
  return { min: text.minLength ?? undefined, max: text.maxLength };
}
