import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What an operator's Prometheus scrapes at /metrics: requests by route and status, their latency,
 * the database pool, background passes and the work waiting for them, plus Node's own process
 * metrics. One registry for the process (every app a test builds adds to the same counters).
 * Labels are route patterns (/api/v1/tickets/:id), never paths, ids or company names.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'manyi_' });

export const httpRequests = new Counter({
  name: 'manyi_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'manyi_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const backgroundDuration = new Histogram({
  name: 'manyi_background_job_duration_seconds',
  help: 'Duration of background work: timer passes (sla sweep, results aggregation, survey pass) and import tasks',
  labelNames: ['job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

export const backgroundQueue = new Gauge({
  name: 'manyi_background_queue_depth',
  help: 'Background work started and not yet finished, by queue (import tasks of this process)',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

/** Times one piece of background work into backgroundDuration, whatever its outcome. */
export async function timed<T>(job: string, work: () => Promise<T>): Promise<T> {
  const end = backgroundDuration.startTimer({ job });
  try {
    const result = await work();
    end({ outcome: 'ok' });
    return result;
  } catch (error) {
    end({ outcome: 'error' });
    throw error;
  }
}

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

let poolStats: (() => PoolStats) | null = null;
new Gauge({
  name: 'manyi_db_pool_connections',
  help: 'PostgreSQL pool: connections open, idle, requests waiting for one, and the configured maximum (absent on PGlite)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    if (!poolStats) return;
    const stats = poolStats();
    for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
  },
});

/** The server reports its pool here once connected. */
export function watchPool(stats: (() => PoolStats) | undefined): void {
  poolStats = stats ?? null;
}
