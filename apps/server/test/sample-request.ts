import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  pattern?: string;
};

/** Chooses the id to put into a uuid field, from the field's name (projectId → a project id). */
export type IdPicker = (fieldName: string) => string;

function toJsonSchema(schema: unknown): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function sampleValue(schema: JsonSchema, name: string, pickId: IdPicker): unknown {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const concrete = options.find((option) => option.type !== 'null') ?? options[0]!;
    return sampleValue(concrete, name, pickId);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleValue(value, key, pickId)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleValue(schema.items ?? {}, name.replace(/s$/, ''), pickId));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      break;
  }
  if (schema.format === 'uuid') return pickId(name);
  if (schema.format === 'date-time') return new Date().toISOString();
  if (/phone/i.test(name)) return '13800000000';
  if (/password/i.test(name)) return 'Attack-2026x';
  if (/code/i.test(name) && schema.pattern?.includes('\\d')) return '123456';
  if (/code|login/i.test(name)) return 'attack-code';
  return '攻击测试'.padEnd(schema.minLength ?? 0, 'x');
}

/**
 * A plausible request for a route, built from its own zod schemas, with every id-like field
 * pointing at the victim's records: the isolation test needs no hand-written case per route.
 */
export function sampleRequest(schema: Record<string, unknown> | undefined, pickId: IdPicker) {
  const body = toJsonSchema(schema?.body);
  const query = toJsonSchema(schema?.querystring);
  const params = toJsonSchema(schema?.params);
  return {
    body: body ? sampleValue(body, 'body', pickId) : undefined,
    query: query
      ? Object.fromEntries(
          Object.entries(query.properties ?? {})
            .filter(([, value]) => value.format === 'uuid' || (value.anyOf ?? []).some((option) => option.format === 'uuid'))
            .map(([key, value]) => [key, String(sampleValue(value, key, pickId))]),
        )
      : {},
    params: params ? (sampleValue(params, 'params', pickId) as Record<string, string>) : {},
  };
}
