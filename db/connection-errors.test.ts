import { describe, expect, it } from 'vitest';
import { isDatabaseUnreachable } from './connection-errors';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isDatabaseUnreachable', () => {
  it('recognises refused and cut connections, from Node and from postgres.js', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT']) {
      expect(isDatabaseUnreachable(withCode(code))).toBe(true);
    }
  });

  it('recognises a server shutting down or starting up, and the connection-exception class', () => {
    for (const code of ['57P01', '57P03', '08006', '08001']) expect(isDatabaseUnreachable(withCode(code))).toBe(true);
  });

  it('looks through the wrappers: a query error with a cause, an AggregateError', () => {
    const wrapped = Object.assign(new Error('Failed query: select 1'), { cause: withCode('ECONNREFUSED') });
    expect(isDatabaseUnreachable(wrapped)).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('leaves query errors and everything else alone', () => {
    // unique_violation, syntax error, a plain error, non-errors
    for (const error of [withCode('23505'), withCode('42601'), new Error('boom'), null, 'ECONNREFUSED', 42]) {
      expect(isDatabaseUnreachable(error)).toBe(false);
    }
  });

  it('stops on a cause that points back at itself', () => {
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    expect(isDatabaseUnreachable(loop)).toBe(false);
  });
});
