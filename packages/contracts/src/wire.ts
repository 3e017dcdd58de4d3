import type { z } from 'zod';

/**
 * A value as the console receives it: the server serialises a response schema's output with
 * JSON.stringify, which turns every Date into its ISO-8601 string.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [Key in keyof T]: Wire<T[Key]> }
      : T;

/** What the console reads from a response schema. */
export type Received<Schema extends z.ZodType> = Wire<z.output<Schema>>;

/** What the console may send for a request body (defaults and trimming still to be applied by the server). */
export type Sent<Schema extends z.ZodType> = z.input<Schema>;
