import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInternalAddress, targetRefusal, webhookFetch, type WebhookTargetPolicy } from './webhook-target';

let bot: Server;
let port: number;
const received: string[] = [];

beforeAll(async () => {
  bot = createServer((request, response) => {
    received.push(request.url ?? '');
    request.resume();
    request.on('end', () => {
      if (request.url?.startsWith('/redirect')) response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  port = (bot.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => bot.close(resolve)));

/** DNS as the test decides it: every name below resolves to this machine, as a rebinding attacker would arrange. */
const resolveInside = async () => [{ address: '127.0.0.1', family: 4 }];
const closed: WebhookTargetPolicy = { allowedPorts: [80, 443], internalAllowed: [] };
const anyPort: WebhookTargetPolicy = { allowedPorts: 'any', internalAllowed: [] };
const post = (policy: WebhookTargetPolicy, url: string) =>
  webhookFetch(policy, resolveInside)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(2_000) });

describe('webhook targets', () => {
  it('calls loopback, private, link-local, multicast and reserved addresses internal', () => {
    for (const address of [
      '127.0.0.1',
      '127.9.9.9',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '101.37.1.1', '172.32.0.1', '2400:3200::1']) expect(isInternalAddress(address), address).toBe(false);
  });

  it('refuses other ports than 80 and 443, and literal internal addresses, unless the operator allows them', () => {
    expect(targetRefusal(closed, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x')).toBeNull();
    expect(targetRefusal(closed, 'https://qyapi.weixin.qq.com:8443/x')).toBe('port');
    expect(targetRefusal(closed, 'http://10.0.0.8/x')).toBe('address');
    expect(targetRefusal(closed, 'https://[::1]/x')).toBe('address');
    expect(targetRefusal(closed, 'http://localhost/x')).toBe('address');
    expect(targetRefusal({ allowedPorts: [443, 8443], internalAllowed: [] }, 'https://qyapi.weixin.qq.com:8443/x')).toBeNull();
    expect(targetRefusal({ allowedPorts: [80, 443], internalAllowed: ['10.0.0.0/24'] }, 'http://10.0.0.8/x')).toBeNull();
    expect(targetRefusal({ allowedPorts: [80, 443], internalAllowed: ['10.0.0.0/24'] }, 'http://10.0.1.8/x')).toBe('address');
  });

  it('refuses a name that resolves inside, at connection time, and sends nothing', async () => {
    received.length = 0;
    await expect(post(anyPort, `http://bot.example.com:${port}/send`)).rejects.toThrow(/not allowed/);
    await expect(post(anyPort, `http://127.0.0.1:${port}/send`)).rejects.toThrow(/not allowed/);
    expect(received).toEqual([]);
  });

  it('reaches an internal relay the operator allowed, and does not follow a redirect', async () => {
    received.length = 0;
    const relay: WebhookTargetPolicy = { allowedPorts: 'any', internalAllowed: ['127.0.0.1'] };
    const sent = await post(relay, `http://relay.internal:${port}/send`);
    expect([sent.ok, sent.status, await sent.text()]).toEqual([true, 200, '{"errcode":0}']);
    const redirected = await post(relay, `http://relay.internal:${port}/redirect`);
    expect([redirected.ok, redirected.status]).toEqual([false, 302]);
    expect(received).toEqual(['/send', '/redirect']);
  });
});
