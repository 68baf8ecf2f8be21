import { describe, expect, it } from 'vitest';
import { dayStartBefore, hourStart, isBotUserAgent, isCrossSite, isPrefetch, parseViewBeacon, readerDigest, utcDay } from './counting';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the view beacon', () => {
  it('takes {"articleId": n} and nothing else', () => {
    expect(parseViewBeacon('{"articleId":12}')).toEqual({ ok: true, articleId: 12 });
    expect(parseViewBeacon('{"articleId":12,"extra":1}')).toEqual({ ok: false, problem: 'BEACON_INVALID' });
    expect(parseViewBeacon('{"articleId":-1}')).toEqual({ ok: false, problem: 'BEACON_INVALID' });
    expect(parseViewBeacon('{"articleId":"12"}')).toEqual({ ok: false, problem: 'BEACON_INVALID' });
    expect(parseViewBeacon('12')).toEqual({ ok: false, problem: 'BEACON_INVALID' });
    expect(parseViewBeacon('{articleId:12}')).toEqual({ ok: false, problem: 'BEACON_NOT_JSON' });
    expect(parseViewBeacon(`{"articleId":1,"p":"${'ق'.repeat(100)}"}`)).toEqual({ ok: false, problem: 'BEACON_TOO_LARGE' });
  });
});

describe('who is not a reader', () => {
  it('knows crawlers, scripts and headless browsers, and readers’ browsers are none of them', () => {
    for (const ua of ['Googlebot/2.1', 'bingbot/2.0', 'facebookexternalhit/1.1', 'curl/8.5.0', 'python-requests/2.32', 'HeadlessChrome/140', 'TelegramBot (like TwitterBot)', '', '   ']) {
      expect(isBotUserAgent(ua), ua).toBe(true);
    }
    expect(isBotUserAgent(null)).toBe(true);
    for (const ua of [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    ]) {
      expect(isBotUserAgent(ua), ua).toBe(false);
    }
  });

  it('knows prefetches and other sites’ requests', () => {
    expect(isPrefetch(headers({ 'next-router-prefetch': '1' }))).toBe(true);
    expect(isPrefetch(headers({ purpose: 'prefetch' }))).toBe(true);
    expect(isPrefetch(headers({ 'sec-purpose': 'prefetch;prerender' }))).toBe(true);
    expect(isPrefetch(headers({}))).toBe(false);
    expect(isCrossSite(headers({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSite(headers({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossSite(headers({ 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSite(headers({}))).toBe(false);
  });
});

describe('days, hours and readers', () => {
  it('cuts time in UTC days and hours', () => {
    const at = new Date('2026-12-03T23:59:59.500Z');
    expect(utcDay(at)).toBe('2026-12-03');
    expect(hourStart(at).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(dayStartBefore(at, 7).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('knows a reader by a digest that changes with the salt and keeps neither address nor browser', () => {
    const digest = readerDigest('salt-a', '203.0.113.7', 'Firefox');
    expect(digest).toBe(readerDigest('salt-a', '203.0.113.7', 'Firefox'));
    expect(digest).not.toBe(readerDigest('salt-b', '203.0.113.7', 'Firefox'));
    expect(digest).not.toBe(readerDigest('salt-a', '203.0.113.8', 'Firefox'));
    expect(digest).not.toBe(readerDigest('salt-a', '203.0.113.7', 'Safari'));
    expect(digest).not.toContain('203');
  });
});
