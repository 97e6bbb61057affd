import { domainToASCII } from 'node:url';

/**
 * WEBHOOK_ALLOWED_HOSTS: the receivers personal alert policies may send webhooks to (pure: no I/O).
 *
 * An entry is one of
 * - a host name, `dingtalk.gov.example` (matches that name only; case and a trailing dot do not matter);
 * - a wildcard sub-domain, `*.zj.gov.cn` (any name ending in `.zj.gov.cn`, at any depth, but not
 *   `zj.gov.cn` itself: list that too when it is meant);
 * - an IPv4 or IPv6 address, `10.20.3.4`, `::1` (`[::1]` when a port follows);
 * - a CIDR range, `10.20.0.0/16`, `fd00::/8` (`[fd00::/8]:443` with a port);
 * each optionally with `:port`. Without a port any port of that host is permitted; with one, only that port
 * (a URL without a port has its scheme's: 80 for http, 443 for https).
 *
 * A URL is judged by its host as the WHATWG URL parser sees it (`new URL`): lower-cased, IPv4 in dotted-quad
 * form whatever the URL wrote (`0x7f.1`, `2130706433`), IPv6 compressed in brackets, and the host after
 * any `user@` part, so `http://127.0.0.1@evil/` is judged as `evil`. DNS is never resolved: names are
 * matched as names, and IP literals against the addresses and ranges. An administrator who lists a name
 * vouches for what it resolves to. An IPv4-mapped IPv6 literal (`[::ffff:7f00:1]`) is an IPv6 address and
 * is matched against IPv6 entries only.
 */

export type HostRule = { entry: string; port: number | null } & (
  | { kind: 'name'; name: string }
  | { kind: 'wildcard'; suffix: string }
  | { kind: 'ip'; family: 4 | 6; bytes: readonly number[]; prefix: number }
);

export type ParsedAllowList = { rules: HostRule[]; errors: string[] };

const PORT = /^\d{1,5}$/;
const DOTTED_QUAD = /^\d{1,3}(\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** A dotted-quad IPv4 address as 4 bytes; leading zeros are refused (a URL parser reads them as octal). */
export function parseIPv4(text: string): number[] | undefined {
  if (!DOTTED_QUAD.test(text)) return undefined;
  const parts = text.split('.');
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** An IPv6 address (with `::` and an optional trailing dotted quad) as 16 bytes; zone ids are refused. */
export function parseIPv6(text: string): number[] | undefined {
  if (!/^[0-9a-f:.]+$/i.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(Number.parseInt(piece, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 may only end the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

/** Whether the first `prefix` bits of two addresses of the same length agree. */
function samePrefix(a: readonly number[], b: readonly number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((a[bit / 8]! & mask) !== (b[bit / 8]! & mask)) return false;
  }
  return true;
}

const formatAddress = (family: 4 | 6, bytes: readonly number[]) =>
  family === 4
    ? bytes.join('.')
    : Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16)).join(':');

/** A host name (IDN as punycode), or why it is none. */
function hostName(text: string): string | { error: string } {
  const ascii = domainToASCII(text.replace(/\.$/, ''));
  const labels = ascii.split('.');
  if (!ascii || ascii.length > 253 || !labels.every((l) => LABEL.test(l)))
    return { error: 'not a host name, IP address or CIDR range' };
  // A URL parser reads a host ending in a number as an IPv4 address (`10.20` is 10.0.0.20): say so.
  if (/^\d+$/.test(labels.at(-1)!) || /^0x[0-9a-f]*$/.test(labels.at(-1)!))
    return { error: 'not an IPv4 address in dotted-quad form (a.b.c.d, no leading zeros)' };
  return ascii;
}

/** One list entry as a rule, or why it is refused. */
export function parseHostEntry(raw: string): HostRule | { error: string } {
  const entry = raw.trim().toLowerCase();
  if (entry.includes('://') || (entry.includes('/') && !/^[^/]+\/\d+(\]?(:\d+)?)?$/.test(entry)))
    return { error: 'a host, not a URL (write hooks.example.gov.cn or hooks.example.gov.cn:443)' };
  let host: string;
  let portText: string | undefined;
  let bracketed = false;
  if (entry.startsWith('[')) {
    const end = entry.indexOf(']');
    const after = end < 0 ? '' : entry.slice(end + 1);
    if (end < 0 || (after !== '' && !after.startsWith(':')))
      return { error: 'an IPv6 address in brackets is written [addr] or [addr]:port' };
    host = entry.slice(1, end);
    portText = after === '' ? undefined : after.slice(1);
    bracketed = true;
  } else {
    const colons = entry.split(':').length - 1;
    if (colons === 1) [host, portText] = entry.split(':') as [string, string];
    else host = entry;
  }
  let port: number | null = null;
  if (portText !== undefined) {
    port = PORT.test(portText) ? Number(portText) : 0;
    if (port < 1 || port > 65535) return { error: 'the port is a number from 1 to 65535' };
  }
  const [address, prefixText, ...extra] = host.split('/');
  if (extra.length > 0 || address === undefined) return { error: 'not a CIDR range (address/prefix)' };
  if (bracketed || address.includes(':')) {
    const bytes = parseIPv6(address);
    if (!bytes) return { error: 'not an IPv6 address' };
    return ipRule(entry, port, 6, bytes, prefixText);
  }
  if (DOTTED_QUAD.test(address)) {
    const bytes = parseIPv4(address);
    if (!bytes) return { error: 'not an IPv4 address (four numbers 0–255, no leading zeros)' };
    return ipRule(entry, port, 4, bytes, prefixText);
  }
  if (prefixText !== undefined) return { error: 'a CIDR range needs an IP address before the /' };
  if (address.startsWith('*.')) {
    const name = hostName(address.slice(2));
    if (typeof name !== 'string') return name;
    return { entry, port, kind: 'wildcard', suffix: `.${name}` };
  }
  if (address.includes('*'))
    return {
      error: 'a wildcard is only a whole first label: *.example.gov.cn (which excludes example.gov.cn)',
    };
  const name = hostName(address);
  if (typeof name !== 'string') return name;
  return { entry, port, kind: 'name', name };
}

function ipRule(
  entry: string,
  port: number | null,
  family: 4 | 6,
  bytes: number[],
  prefixText: string | undefined,
): HostRule | { error: string } {
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > bits) return { error: `the prefix length is a number from 0 to ${bits}` };
  const masked = bytes.map((b, i) => {
    const take = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - take)) & 0xff);
  });
  if (masked.some((b, i) => b !== bytes[i]))
    return {
      error: `bits are set past the /${prefix} prefix (did you mean ${formatAddress(family, masked)}/${prefix}?)`,
    };
  return { entry, port, kind: 'ip', family, bytes, prefix };
}

/**
 * WEBHOOK_ALLOWED_HOSTS as rules: comma-separated entries (blanks around them and empty ones are ignored).
 * Unset or empty: no rules, so no webhook receiver is permitted. Each bad entry is one error naming it.
 */
export function parseWebhookAllowedHosts(text: string | undefined): ParsedAllowList {
  const rules: HostRule[] = [];
  const errors: string[] = [];
  for (const raw of (text ?? '').split(',')) {
    if (raw.trim() === '') continue;
    const rule = parseHostEntry(raw);
    if ('error' in rule) errors.push(`"${raw.trim()}": ${rule.error}`);
    else rules.push(rule);
  }
  return { rules, errors };
}

type UrlHost = { kind: 'name'; name: string } | { kind: 'ip'; family: 4 | 6; bytes: number[] };

/** The host of a parsed http(s) URL as the rules see it; undefined for a name with empty labels. */
function urlHost(url: URL): UrlHost | undefined {
  const hostname = url.hostname.toLowerCase();
  if (hostname.startsWith('[')) {
    const bytes = parseIPv6(hostname.slice(1, -1));
    return bytes ? { kind: 'ip', family: 6, bytes } : undefined;
  }
  const v4 = parseIPv4(hostname);
  if (v4) return { kind: 'ip', family: 4, bytes: v4 };
  const name = hostname.replace(/\.$/, '');
  return name === '' || name.split('.').includes('') ? undefined : { kind: 'name', name };
}

const portOf = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

/** Whether a parsed http(s) URL's host (and port) is one the rules permit. */
export function hostPermitted(rules: readonly HostRule[], url: URL): boolean {
  const host = urlHost(url);
  if (!host) return false;
  const port = portOf(url);
  return rules.some((r) => {
    if (r.port !== null && r.port !== port) return false;
    if (r.kind === 'ip')
      return host.kind === 'ip' && host.family === r.family && samePrefix(host.bytes, r.bytes, r.prefix);
    if (host.kind !== 'name') return false;
    return r.kind === 'name' ? host.name === r.name : host.name.endsWith(r.suffix);
  });
}

export type WebhookUrlProblem = {
  code: 'VALIDATION' | 'WEBHOOK_HOST_NOT_ALLOWED';
  /** What is wrong, without the field's name. */
  message: string;
  /** The URL's host (with a port other than its scheme's), when it has one. */
  host?: string;
};

/**
 * Why the BFF will not send a webhook to this URL, or undefined when it may: not an http(s) URL, a URL
 * carrying user:password credentials (they would end up in logs and the dead-letter list), or a host the
 * rules do not permit. Used when a policy is saved and again at each delivery.
 */
export function webhookUrlProblem(rules: readonly HostRule[], text: string): WebhookUrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { code: 'VALIDATION', message: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { code: 'VALIDATION', message: 'must be an http(s) URL' };
  if (url.username || url.password)
    return {
      code: 'VALIDATION',
      message:
        'must not carry user:password credentials (they would end up in logs); sign with the webhook key',
      host: url.host,
    };
  if (hostPermitted(rules, url)) return undefined;
  return {
    code: 'WEBHOOK_HOST_NOT_ALLOWED',
    host: url.host,
    message: `the host ${url.host} is not a permitted webhook receiver${rules.length === 0 ? ' (webhooks are off: none is permitted yet)' : ''}; an administrator permits receivers with WEBHOOK_ALLOWED_HOSTS`,
  };
}
