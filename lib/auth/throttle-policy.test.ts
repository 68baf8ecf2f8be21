import { describe, expect, it } from 'vitest';
import { addressKey, kindOfKey, signInCounters } from './throttle-policy';

describe('addressKey', () => {
  it('counts an IPv4 address on its own', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('unknown')).toBe('unknown');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});

describe('signInCounters', () => {
  it('holds an ordinary attempt to the pair, account and address counters', () => {
    const counters = signInCounters('a@midad.test', '203.0.113.7', null);
    expect(counters.checked.map((c) => c.key)).toEqual(['pair:a@midad.test|203.0.113.7', 'account:a@midad.test', 'ip:203.0.113.7']);
    expect(counters.counted).toEqual(counters.checked);
    expect(counters.cleared.map((c) => c.kind)).toEqual(['pair']);
  });

  it('holds a known device only to its own counter, and still counts its failures for the account and address', () => {
    const counters = signInCounters('a@midad.test', '203.0.113.7', 'device-1');
    expect(counters.checked.map((c) => c.key)).toEqual(['device:device-1']);
    expect(counters.counted.map((c) => c.kind)).toEqual(['device', 'account', 'ip']);
    expect(counters.cleared.map((c) => c.kind)).toEqual(['device']);
  });

  it('names the kind of a stored key', () => {
    expect(kindOfKey('ip:203.0.113.7')).toBe('ip');
    expect(kindOfKey('pair:a@b.c|::1')).toBe('pair');
    expect(kindOfKey('something:else')).toBeNull();
  });
});
