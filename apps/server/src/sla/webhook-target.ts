/**
 * Where a group-bot webhook may go. A company admin types the address, so without a check the
 * server would post (and the "test" button would report) wherever they point it: the metadata
 * service at 169.254.169.254, the database port, the office router. Refused: loopback, private,
 * link-local, shared (CGNAT), multicast and reserved addresses (IANA special-purpose registries,
 * RFC 6890), checked on the address the connection is actually made to, after DNS resolution, so a
 * name that resolves inside (or is rebound to inside between a check and the call) is refused too;
 * and any port but 80 and 443. An operator may allow ports and internal ranges (a relay in the
 * office network) with WEBHOOK_ALLOWED_PORTS and WEBHOOK_INTERNAL_ALLOWED.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export type WebhookTargetPolicy = { allowedPorts: number[] | 'any'; internalAllowed: string[] };
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const internalRanges: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];
const internal = new BlockList();
for (const [network, prefix, family] of internalRanges) internal.addSubnet(network, prefix, family);

/** The part of fetch that webhook delivery uses (tests pass their own). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal; redirect?: 'error' },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function plainAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  const family = isIP(address);
  return family === 0 ? null : { address, family: family === 4 ? 'ipv4' : 'ipv6' };
}

export function isInternalAddress(address: string): boolean {
  const plain = plainAddress(address);
  return plain === null || internal.check(plain.address, plain.family);
}

function operatorAllows(policy: WebhookTargetPolicy, address: string): boolean {
  const plain = plainAddress(address);
  if (!plain) return false;
  const allowed = new BlockList();
  for (const entry of policy.internalAllowed) {
    const [network, prefix] = entry.split('/');
    const family = isIP(network ?? '');
    if (family === 0) continue;
    if (prefix === undefined) allowed.addAddress(network!, family === 4 ? 'ipv4' : 'ipv6');
    else allowed.addSubnet(network!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
  }
  return allowed.check(plain.address, plain.family);
}

export function addressAllowed(policy: WebhookTargetPolicy, address: string): boolean {
  return !isInternalAddress(address) || operatorAllows(policy, address);
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** What is wrong with the address before any lookup: its port, or a literal internal address (localhost included). */
export function targetRefusal(policy: WebhookTargetPolicy, value: string): 'port' | 'address' | null {
  const url = new URL(value);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (policy.allowedPorts !== 'any' && !policy.allowedPorts.includes(port)) return 'port';
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return operatorAllows(policy, '127.0.0.1') ? null : 'address';
  if (isIP(host) !== 0 && !addressAllowed(policy, host)) return 'address';
  return null;
}

/** Refused by this policy rather than failed on the way: the console says so, and nothing was sent. */
export class WebhookTargetRefused extends Error {
  constructor(readonly reason: 'port' | 'address') {
    super(`webhook target not allowed (${reason})`);
  }
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The lookup the connection uses: every address a name resolves to must be allowed, and the
 * connection goes to an address checked here, so DNS cannot answer differently between the check
 * and the call.
 */
function guardedLookup(policy: WebhookTargetPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0 || addresses.some((entry) => !addressAllowed(policy, entry.address))) throw new WebhookTargetRefused('address');
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

const answerLimit = 64 * 1024;

/**
 * Posts to a webhook as fetch would, but over node:http(s) with the guarded lookup, never following
 * a redirect (a 3xx is a failed delivery) and reading at most 64 KB of the answer.
 */
export function webhookFetch(policy: WebhookTargetPolicy, resolve: Resolver = systemResolver): FetchLike {
  return (value, init) =>
    new Promise((fulfil, reject) => {
      const url = new URL(value);
      const refusal = targetRefusal(policy, value);
      if (refusal) return reject(new WebhookTargetRefused(refusal));
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(
        url,
        { method: init.method, headers: init.headers, signal: init.signal, lookup: guardedLookup(policy, resolve) },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= answerLimit) chunks.push(chunk);
          });
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            fulfil({ ok: status >= 200 && status < 300, status, text: async () => text });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(init.body);
    });
}
