import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress } from './client-address';

describe('clientAddress', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ socket: '203.0.113.7', forwardedFor: '198.51.100.1', trustedProxies: 0 })).toBe('203.0.113.7');
    expect(clientAddress({ socket: '203.0.113.7', forwardedFor: '198.51.100.1, 198.51.100.2', trustedProxies: 0 })).toBe('203.0.113.7');
    expect(clientAddress({ socket: '::ffff:203.0.113.7', forwardedFor: null, trustedProxies: 0 })).toBe('203.0.113.7');
  });

  it('behind N trusted proxies, is the N-th entry from the right of X-Forwarded-For + socket', () => {
    // One proxy (the socket's peer) appended the client it saw; anything left of it is the client's own claim.
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7', trustedProxies: 1 })).toBe('203.0.113.7');
    // Two proxies: a CDN appended the client, the load balancer appended the CDN node.
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7, 192.0.2.50', trustedProxies: 2 })).toBe('203.0.113.7');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '203.0.113.7,192.0.2.50', trustedProxies: 2 })).toBe('203.0.113.7');
  });

  it('takes the left-most entry when a trusted proxy did not append one', () => {
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: null, trustedProxies: 1 })).toBe('10.0.0.2');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: '203.0.113.7', trustedProxies: 3 })).toBe('203.0.113.7');
  });

  it('is unknown without a socket address, or when the chosen entry is not an address', () => {
    expect(clientAddress({ socket: null, forwardedFor: '203.0.113.7', trustedProxies: 0 })).toBe('unknown');
    expect(clientAddress({ socket: '', forwardedFor: '203.0.113.7', trustedProxies: 1 })).toBe('unknown');
    expect(clientAddress({ socket: '10.0.0.2', forwardedFor: 'evil, not-an-address', trustedProxies: 1 })).toBe('unknown');
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
  ])('writes %j as %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each(['', 'unknown', '256.1.1.1', '1.2.3', 'a::b::c', '<script>', 'x'.repeat(100)])('refuses %j', (raw) => {
    expect(normaliseAddress(raw)).toBeNull();
  });
});
