import { resolve } from 'node:path';
import { z } from 'zod';

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  TRUSTED_PROXIES: z.string().default(''),
  WEBHOOK_ALLOWED_PORTS: z.string().default('80,443'),
  WEBHOOK_INTERNAL_ALLOWED: z.string().default(''),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections per instance, and how long one statement may run before it is cancelled. */
  database: { poolSize: number; statementTimeoutMs: number };
  /** Root for the embedded database (`<dataDir>/pglite`) and uploaded files (`<dataDir>/uploads`). */
  dataDir: string;
  publicUrl: string;
  logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  sessionTtlHours: number;
  /** Sign-in and public owner endpoints: requests per minute per client address. */
  rateLimitPerMinute: number;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of Manyi, whose X-Forwarded-For is
   * believed. Empty by default: a client that sets the header itself must not choose the address
   * that rate limits count and sessions and audit rows record.
   */
  trustedProxies: string[];
  /** Ports and internal address ranges group-bot webhooks may reach beyond 80/443 and the public internet (sla/webhook-target.ts). */
  webhookTargets: { allowedPorts: number[] | 'any'; internalAllowed: string[] };
  /** Secure cookies only when served over https; a developer on http://127.0.0.1 must still sign in. */
  secureCookies: boolean;
};

const list = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.parse(env);
  const publicUrl = parsed.PUBLIC_URL ?? `http://${parsed.HOST === '0.0.0.0' ? '127.0.0.1' : parsed.HOST}:${parsed.PORT}`;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL || undefined,
    database: { poolSize: parsed.DATABASE_POOL_SIZE, statementTimeoutMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS },
    dataDir: resolve(parsed.DATA_DIR),
    publicUrl,
    logLevel: parsed.LOG_LEVEL,
    sessionTtlHours: parsed.SESSION_TTL_HOURS,
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    trustedProxies: list(parsed.TRUSTED_PROXIES),
    webhookTargets: {
      allowedPorts:
        parsed.WEBHOOK_ALLOWED_PORTS.trim() === 'any'
          ? 'any'
          : list(parsed.WEBHOOK_ALLOWED_PORTS)
              .map(Number)
              .filter((port) => Number.isInteger(port) && port > 0 && port < 65536),
      internalAllowed: list(parsed.WEBHOOK_INTERNAL_ALLOWED),
    },
    secureCookies: publicUrl.startsWith('https://'),
  };
}
