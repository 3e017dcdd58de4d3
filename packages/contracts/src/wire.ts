import type { z } from 'zod';

/**
 * A value as the console receives it: the server serialises a response schema's output with
 * JSON.stringify, which turns every Date into its ISO-8601 string.
 */
export type Wire<T> = T extends Date ? string : T extends readonly (infer Item)[] ? Wire<Item>[] : T extends object ? { [Key in keyof T]: Wire<T[Key]> } : T;

/** What the console reads from a response schema. */
export type Received<Schema extends z.ZodType> = Wire<z.output<Schema>>;

/** What the console may send for a request body (defaults and trimming still to be applied by the server). */
export type Sent<Schema extends z.ZodType> = z.input<Schema>;

/** A request body with every default filled in, as a form that always sends each field holds it. */
export type Filled<Schema extends z.ZodType> = z.output<Schema>;

type Filter<Value> = Exclude<Value, undefined> extends readonly unknown[] ? string : Exclude<Value, undefined>;

/**
 * A list's filters as the console passes them to its client: the parsed values of the query schema
 * (the client writes booleans as 'true'/'false'), lists comma-separated, paging left to the list.
 */
export type Filters<Schema extends z.ZodType> = {
  [Key in Exclude<keyof z.output<Schema>, 'cursor' | 'limit'>]?: Filter<z.output<Schema>[Key]>;
};
