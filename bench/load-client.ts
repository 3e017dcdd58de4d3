/**
 * The load generator of bench/ticket-create.ts, run in its own process (forked with the parent's
 * tsx loader) so the client's event loop and GC do not share a thread with the server it measures.
 * The parent sends one job per phase; the child answers with the counts and every 2xx latency.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export type LoadJob = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Send a fresh Idempotency-Key with every request, as the owner's answering page does. */
  idempotencyKeys?: boolean;
  /** Open loop: this many requests per second across all connections, whatever the answers' pace (autocannon overallRate). */
  overallRate?: number;
};

/** JSON bodies, sent round-robin, continuing from job to job (set once with a `bodies` message). */
let bodies: string[] = [];
let next = 0;
/** Optional request paths (a `paths` message), paired with the bodies: one-time links, each used once, in order. */
let paths: string[] = [];
/**
 * Optional values for a token in the bodies (a `rotation` message): the first pass over the
 * bodies puts the first value in place of the token, the next pass the next, so n bodies and k
 * values make n × k distinct requests without sending them all to this process.
 */
export type Rotation = { token: string; values: string[] };
let rotation: Rotation | null = null;

function bodyAt(index: number): string {
  const body = bodies[index % bodies.length]!;
  return rotation ? body.replace(rotation.token, rotation.values[Math.floor(index / bodies.length) % rotation.values.length]!) : body;
}

export type LoadResult = {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** Milliseconds, one per 2xx response. */
  latencies: number[];
  firstFailure: string | null;
};

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let non2xx = 0;
    let firstFailure: string | null = null;
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.url,
        method: 'POST',
        connections: job.connections,
        duration: job.seconds,
        ...(job.overallRate ? { overallRate: job.overallRate } : {}),
        timeout: 30,
        headers: { 'content-type': 'application/json', ...job.headers },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const index = next++;
              const path = paths.length > 0 ? { path: paths[index % paths.length]! } : {};
              const headers = job.idempotencyKeys ? { headers: { ...request.headers, 'idempotency-key': randomUUID() } } : {};
              return { ...request, ...path, ...headers, body: bodyAt(index) };
            },
            onResponse: (status, body) => {
              if ((status < 200 || status >= 300) && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          ok: latencies.length,
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          seconds: (performance.now() - started) / 1000,
          latencies,
          firstFailure,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else non2xx += 1;
    });
  });
}

process.on('message', (message: { bodies: string[] } | { paths: string[] } | { rotation: Rotation } | { job: LoadJob }) => {
  if ('bodies' in message) {
    bodies = message.bodies;
    return;
  }
  if ('rotation' in message) {
    rotation = message.rotation;
    return;
  }
  if ('paths' in message) {
    paths = message.paths;
    return;
  }
  runLoad(message.job).then(
    (result) => process.send!({ result }),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
