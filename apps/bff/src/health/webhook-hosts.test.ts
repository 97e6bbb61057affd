import { describe, expect, it } from 'vitest';
import { hostPermitted, parseIPv6, parseWebhookAllowedHosts, webhookUrlProblem } from './webhook-hosts';

/** The rules of a list that must parse. */
function rules(list: string) {
  const parsed = parseWebhookAllowedHosts(list);
  expect(parsed.errors).toEqual([]);
  return parsed.rules;
}

const permits = (list: string, url: string) => hostPermitted(rules(list), new URL(url));

describe('WEBHOOK_ALLOWED_HOSTS entries', () => {
  it('unset, empty or only commas and blanks: no rules (no receiver is permitted)', () => {
    for (const text of [undefined, '', ' ', ' , ,'])
      expect(parseWebhookAllowedHosts(text)).toEqual({ rules: [], errors: [] });
    expect(webhookUrlProblem([], 'https://dingtalk.gov.example/robot')).toMatchObject({
      code: 'WEBHOOK_HOST_NOT_ALLOWED',
      host: 'dingtalk.gov.example',
    });
  });

  it('parses each form, with and without a port', () => {
    const parsed = rules(
      'DingTalk.gov.example, *.zj.gov.cn:443, 10.20.3.4, 10.20.0.0/16:8080, ::1, [fd00::]:9000, [fd00::/8]:443, fd00:1::/32, 127.0.0.1:8095',
    );
    expect(parsed.map((r) => [r.kind, r.port])).toEqual([
      ['name', null],
      ['wildcard', 443],
      ['ip', null],
      ['ip', 8080],
      ['ip', null],
      ['ip', 9000],
      ['ip', 443],
      ['ip', null],
      ['ip', 8095],
    ]);
    expect(parsed[0]).toMatchObject({ name: 'dingtalk.gov.example' });
    expect(parsed[1]).toMatchObject({ suffix: '.zj.gov.cn' });
    expect(parsed[3]).toMatchObject({ family: 4, prefix: 16 });
    expect(parsed[6]).toMatchObject({ family: 6, prefix: 8 });
  });

  it('refuses malformed entries, each named with the reason', () => {
    const bad = [
      'http://hooks.example/',
      'hooks.example/path',
      'hooks.example:',
      'hooks.example:0',
      'hooks.example:65536',
      'hooks.example:80:81',
      '*',
      '*.',
      'a.*.example',
      '*hooks.example',
      'hooks..example',
      '-hooks.example',
      'hooks example',
      '10.20',
      '10.20.0.256',
      '010.20.0.1',
      '0x7f.0.0.1',
      '10.20.0.0/33',
      '10.20.1.0/16',
      '10.20.0.0/',
      'hooks.example/16',
      'fd00::/129',
      'fd00::1/8',
      '1:2:3',
      '1::2::3',
      '[::1',
      '[::1]x',
      '[hooks.example]',
      'fe80::1%eth0',
    ];
    const { rules: got, errors } = parseWebhookAllowedHosts(bad.join(','));
    expect(got).toEqual([]);
    expect(errors).toHaveLength(bad.length);
    for (const [i, entry] of bad.entries()) expect(errors[i]).toContain(`"${entry}"`);
    expect(errors[bad.indexOf('10.20.1.0/16')]).toContain('did you mean 10.20.0.0/16');
    expect(errors[bad.indexOf('http://hooks.example/')]).toContain('a host, not a URL');
    // One bad entry among good ones is still refused; the good ones are kept.
    expect(parseWebhookAllowedHosts('hooks.example, 10.20.1.0/16').errors).toHaveLength(1);
  });

  it('reads IPv6 the long way and the short way', () => {
    expect(parseIPv6('::1')).toEqual([...new Array(15).fill(0), 1]);
    expect(parseIPv6('0:0:0:0:0:0:0:1')).toEqual(parseIPv6('::1'));
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual(parseIPv6('::ffff:7f00:1'));
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIPv6('127.0.0.1::')).toBeUndefined();
  });
});

describe('matching a URL against the rules', () => {
  it('an exact host name, whatever the case or a trailing dot', () => {
    expect(permits('dingtalk.gov.example', 'https://dingtalk.gov.example/robot/send')).toBe(true);
    expect(permits('DingTalk.Gov.Example.', 'https://DINGTALK.gov.example./robot')).toBe(true);
    expect(permits('dingtalk.gov.example', 'https://sub.dingtalk.gov.example/')).toBe(false);
    expect(permits('dingtalk.gov.example', 'https://dingtalk.gov.example.evil.cn/')).toBe(false);
    expect(permits('dingtalk.gov.example', 'https://evildingtalk.gov.example/')).toBe(false);
  });

  it('a wildcard matches sub-domains at any depth, never the bare domain or a look-alike', () => {
    expect(permits('*.zj.gov.cn', 'https://hooks.zj.gov.cn/')).toBe(true);
    expect(permits('*.zj.gov.cn', 'https://a.b.zj.gov.cn/')).toBe(true);
    expect(permits('*.zj.gov.cn', 'https://zj.gov.cn/')).toBe(false);
    expect(permits('*.zj.gov.cn', 'https://evilzj.gov.cn/')).toBe(false);
    expect(permits('*.zj.gov.cn', 'https://zj.gov.cn.evil.example/')).toBe(false);
    expect(permits('*.zj.gov.cn, zj.gov.cn', 'https://zj.gov.cn/')).toBe(true);
  });

  it('a port in the entry is the only one permitted; the URL’s port defaults to its scheme’s', () => {
    expect(permits('hooks.example', 'http://hooks.example:8095/')).toBe(true);
    expect(permits('hooks.example:8095', 'http://hooks.example:8095/')).toBe(true);
    expect(permits('hooks.example:8095', 'http://hooks.example:8096/')).toBe(false);
    expect(permits('hooks.example:8095', 'http://hooks.example/')).toBe(false);
    expect(permits('hooks.example:443', 'https://hooks.example/')).toBe(true);
    expect(permits('hooks.example:443', 'http://hooks.example/')).toBe(false);
    expect(permits('hooks.example:80', 'http://hooks.example/')).toBe(true);
    expect(permits('[::1]:8095', 'http://[::1]:8095/')).toBe(true);
    expect(permits('[::1]:8095', 'http://[::1]:8096/')).toBe(false);
  });

  it('IPv4 addresses and CIDR ranges, judged on the address the URL parser sees', () => {
    expect(permits('10.20.0.0/16', 'http://10.20.255.1/hook')).toBe(true);
    expect(permits('10.20.0.0/16', 'http://10.21.0.1/hook')).toBe(false);
    expect(permits('10.16.0.0/12', 'http://10.31.0.1/')).toBe(true);
    expect(permits('10.16.0.0/12', 'http://10.32.0.1/')).toBe(false);
    expect(permits('0.0.0.0/0', 'http://192.0.2.1/')).toBe(true);
    expect(permits('127.0.0.1', 'http://127.0.0.1:8095/hooks/duty')).toBe(true);
    // Other spellings of 127.0.0.1 are 127.0.0.1 to the URL parser, and to the rules.
    expect(permits('127.0.0.1', 'http://2130706433/')).toBe(true);
    expect(permits('127.0.0.1', 'http://0x7f.1/')).toBe(true);
    expect(permits('10.20.0.0/16', 'http://2130706433/')).toBe(false);
    // A name is never an address: no DNS is looked up.
    expect(permits('127.0.0.1', 'http://localhost/')).toBe(false);
    expect(permits('localhost', 'http://127.0.0.1/')).toBe(false);
  });

  it('IPv6 literals and ranges; an IPv4-mapped IPv6 literal is not an IPv4 address', () => {
    expect(permits('::1', 'http://[::1]/')).toBe(true);
    expect(permits('::1', 'http://[0:0:0:0:0:0:0:1]/')).toBe(true);
    expect(permits('fd00::/8', 'http://[fd12:3456::1]/')).toBe(true);
    expect(permits('fd00::/8', 'http://[fe80::1]/')).toBe(false);
    expect(permits('fd00::/8', 'http://10.0.0.1/')).toBe(false);
    expect(permits('127.0.0.1', 'http://[::ffff:127.0.0.1]/')).toBe(false);
    expect(permits('0.0.0.0/0', 'http://[::1]/')).toBe(false);
  });

  it('judges the real host of a URL with a user@ part', () => {
    expect(permits('127.0.0.1', 'http://127.0.0.1@evil.example/')).toBe(false);
    expect(permits('127.0.0.1', 'http://evil.example@127.0.0.1/')).toBe(true);
  });
});

describe('webhookUrlProblem', () => {
  const allowed = rules('127.0.0.1, *.zj.gov.cn');

  it('nothing for a permitted http(s) URL', () => {
    expect(webhookUrlProblem(allowed, 'http://127.0.0.1:8095/hooks/duty')).toBeUndefined();
    expect(webhookUrlProblem(allowed, 'https://hooks.zj.gov.cn/robot?access_token=x')).toBeUndefined();
  });

  it('refuses credentials in the URL, even for a permitted host', () => {
    for (const url of ['http://user:pass@127.0.0.1/', 'http://user@127.0.0.1/', 'http://:pass@127.0.0.1/'])
      expect(webhookUrlProblem(allowed, url)).toMatchObject({ code: 'VALIDATION', host: '127.0.0.1' });
    expect(webhookUrlProblem(allowed, 'http://user:pass@127.0.0.1/')?.message).toContain('credentials');
  });

  it('names the host and WEBHOOK_ALLOWED_HOSTS when the host is not permitted', () => {
    const problem = webhookUrlProblem(allowed, 'http://10.0.0.5:8080/admin');
    expect(problem).toMatchObject({ code: 'WEBHOOK_HOST_NOT_ALLOWED', host: '10.0.0.5:8080' });
    expect(problem?.message).toContain('10.0.0.5:8080');
    expect(problem?.message).toContain('WEBHOOK_ALLOWED_HOSTS');
    expect(webhookUrlProblem([], 'http://127.0.0.1/')?.message).toContain('none is permitted');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(webhookUrlProblem(allowed, 'ftp://127.0.0.1/')?.code).toBe('VALIDATION');
    expect(webhookUrlProblem(allowed, 'not a url')?.code).toBe('VALIDATION');
  });
});
