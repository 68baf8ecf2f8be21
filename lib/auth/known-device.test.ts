import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KNOWN_DEVICE_DAYS, knownDeviceFor, rememberDevice } from './known-device';

const key = randomBytes(32);
const DAY = 24 * 60 * 60 * 1000;

describe('known-device cookie', () => {
  it('proves this browser for the account it signed in to, and for no other', () => {
    const cookie = rememberDevice(key, undefined, 'a@midad.test');
    const device = knownDeviceFor(key, cookie, 'a@midad.test');
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(knownDeviceFor(key, cookie, 'b@midad.test')).toBeNull();
    expect(knownDeviceFor(randomBytes(32), cookie, 'a@midad.test')).toBeNull();
  });

  it('keeps the device id when renewed, and entries for a few accounts side by side', () => {
    let cookie = rememberDevice(key, undefined, 'a@midad.test');
    const device = knownDeviceFor(key, cookie, 'a@midad.test');
    cookie = rememberDevice(key, cookie, 'b@midad.test');
    cookie = rememberDevice(key, cookie, 'a@midad.test');
    expect(knownDeviceFor(key, cookie, 'a@midad.test')).toBe(device);
    expect(knownDeviceFor(key, cookie, 'b@midad.test')).not.toBeNull();
    for (const n of [1, 2, 3, 4, 5]) cookie = rememberDevice(key, cookie, `p${n}@midad.test`);
    expect(cookie.split('.')).toHaveLength(5);
    expect(knownDeviceFor(key, cookie, 'a@midad.test')).toBeNull();
  });

  it('expires', () => {
    const now = Date.now();
    const cookie = rememberDevice(key, undefined, 'a@midad.test', now);
    expect(knownDeviceFor(key, cookie, 'a@midad.test', now + (KNOWN_DEVICE_DAYS - 1) * DAY)).not.toBeNull();
    expect(knownDeviceFor(key, cookie, 'a@midad.test', now + (KNOWN_DEVICE_DAYS + 1) * DAY)).toBeNull();
  });

  it('is worthless when altered, and junk is simply no device', () => {
    const cookie = rememberDevice(key, undefined, 'a@midad.test');
    const [id, issued, signature] = cookie.split('~');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect(knownDeviceFor(key, `${flip(id!)}~${issued}~${signature}`, 'a@midad.test')).toBeNull();
    expect(knownDeviceFor(key, `${id}~${Number(issued) + 1}~${signature}`, 'a@midad.test')).toBeNull();
    expect(knownDeviceFor(key, `${id}~${issued}~${flip(signature!)}`, 'a@midad.test')).toBeNull();
    for (const junk of ['', 'garbage', '~~', '.'.repeat(500), cookie.repeat(50), '\u0000\uffff']) {
      expect(knownDeviceFor(key, junk, 'a@midad.test')).toBeNull();
      expect(() => rememberDevice(key, junk, 'a@midad.test')).not.toThrow();
    }
  });
});
