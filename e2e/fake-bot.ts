import { createServer, type Server } from 'node:http';

/** One message as a group bot received it: where it was posted and the JSON body. */
export type BotMessage = { path: string; query: URLSearchParams; body: Record<string, unknown> };

export type FakeBot = {
  /** The bot address for a path and query, e.g. url('/cgi-bin/webhook/send?key=e2e'). */
  url(pathAndQuery: string): string;
  received: BotMessage[];
  /** Messages posted to one path (a WeCom or a DingTalk robot). */
  at(path: string): BotMessage[];
  close(): Promise<void>;
};

/**
 * A stand-in for the WeCom (企业微信) and DingTalk (钉钉) group-bot endpoints, on 127.0.0.1 inside the
 * test process: it records every POSTed JSON message and answers the way both real bots answer a
 * message they accept, `{"errcode":0,"errmsg":"ok"}` with HTTP 200. Anything that is not a JSON
 * POST gets the bots' kind of refusal (a non-zero errcode), so a malformed delivery fails visibly.
 */
export async function startFakeBot(): Promise<FakeBot> {
  const received: BotMessage[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let answer = { errcode: 0, errmsg: 'ok' };
      try {
        if (request.method !== 'POST') throw new Error('not a POST');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        received.push({ path: url.pathname, query: url.searchParams, body });
      } catch {
        answer = { errcode: 40_008, errmsg: 'invalid message' };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (pathAndQuery) => `http://127.0.0.1:${port}${pathAndQuery}`,
    received,
    at: (path) => received.filter((message) => message.path === path),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
