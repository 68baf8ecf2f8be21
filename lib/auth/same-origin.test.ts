import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

const request = (headers: Record<string, string>) => new Headers(headers);

describe('isSameOriginRequest', () => {
  it('accepts a POST whose Origin names this host', () => {
    expect(isSameOriginRequest(request({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true);
    expect(isSameOriginRequest(request({ origin: 'https://News.Example', host: 'news.example' }))).toBe(true);
  });

  it('compares with the forwarded host when a proxy sets one', () => {
    const headers = { origin: 'https://news.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'news.example, proxy.local' };
    expect(isSameOriginRequest(request(headers))).toBe(true);
  });

  it('refuses another site, another port, and a look-alike host', () => {
    expect(isSameOriginRequest(request({ origin: 'https://evil.example', host: 'news.example' }))).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:3000' }))).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'https://news.example.evil.example', host: 'news.example' }))).toBe(false);
  });

  it('refuses a request with no Origin, an opaque one, or one that is not a URL', () => {
    expect(isSameOriginRequest(request({ host: 'news.example' }))).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'null', host: 'news.example' }))).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'not a url', host: 'news.example' }))).toBe(false);
    expect(isSameOriginRequest(request({ origin: 'https://news.example' }))).toBe(false);
  });
});
