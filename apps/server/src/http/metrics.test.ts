import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { startBackgroundTimer } from '../background-timer';
import { watchPool } from '../metrics';

/** Issue 14 §12: /metrics in Prometheus format. */
describe('/metrics', () => {
  let t: TestApp;
  testAppPerFile((app) => {
    t = app;
  });

  const sample = (text: string, name: string, labels: string) =>
    Number(new RegExp(`^${name}\\{${labels.replace(/[{}()[\]|+.*?^$\\/]/g, '\\$&')}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  it('counts requests by route pattern and status, with latency histograms', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/api/v1/tickets/01940000-0000-7000-8000-000000000000' });
    await t.app.inject({ method: 'GET', url: '/no/such/path/123' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(sample(text, 'manyi_http_requests_total', 'method="GET",route="/healthz",status="200"')).toBeGreaterThanOrEqual(2);
    // The pattern, not the id; no session: 401.
    expect(sample(text, 'manyi_http_requests_total', 'method="GET",route="/api/v1/tickets/:id",status="401"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('01940000-0000-7000-8000-000000000000');
    expect(text).not.toContain('/no/such/path');
    expect(sample(text, 'manyi_http_requests_total', 'method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'manyi_http_request_duration_seconds_bucket', 'le="+Inf",method="GET",route="/healthz"')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('# TYPE manyi_http_request_duration_seconds histogram');
    expect(text).toContain('manyi_process_cpu_seconds_total');
  });

  it('reports background pass durations, the import queue and the database pool', async () => {
    const timer = startBackgroundTimer('metrics test pass', 10, t.app.log, async () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await timer.stop();
    watchPool(t.connection.poolStats ?? (() => ({ total: 0, idle: 0, waiting: 0, max: 0 })));
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(text, 'manyi_background_job_duration_seconds_count', 'job="metrics test pass",outcome="ok"')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE manyi_background_queue_depth gauge');
    // On PostgreSQL the pool's own figures (the tests' pool is smaller than the default 10).
    const pool = t.connection.poolStats?.();
    expect(sample(text, 'manyi_db_pool_connections', 'state="max"')).toBe(pool?.max ?? 0);
    if (pool) expect(pool.max).toBeGreaterThan(0);
    watchPool(undefined);
  });
});
