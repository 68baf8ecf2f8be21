import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { withClientAddressStamp } from '@/scripts/run-next';

/**
 * The preload that scripts/run-next.ts gives the Next server: an HTTP server in a process started
 * with it sees each request's socket address under the private header, whatever the client sent.
 */
let server: ChildProcess;
let port: number;

// Answers with the headers it received and whether the stamp announced itself.
const ECHO = `
  const http = require('node:http');
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ headers: req.headers, stamped: globalThis[Symbol.for('midad.client-address-stamp')] === true }));
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', ECHO], {
    env: { ...process.env, NODE_OPTIONS: withClientAddressStamp(process.env.NODE_OPTIONS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(server.stdout!, 'data')) as [Buffer];
  port = Number(line.toString().trim());
});
afterAll(() => {
  server?.kill();
});

function echo(headers: Record<string, string | string[]>): Promise<{ headers: Record<string, string>; stamped: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
    });
    request.on('error', reject);
  });
}

describe('the client-address stamp', () => {
  it('puts the socket address under the private header', async () => {
    const answer = await echo({});
    expect(answer.stamped).toBe(true);
    expect(answer.headers[CLIENT_ADDRESS_HEADER]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('replaces whatever the client sent under that name, once or many times', async () => {
    for (const forged of ['6.6.6.6', ['6.6.6.6', '7.7.7.7'], '']) {
      const answer = await echo({ [CLIENT_ADDRESS_HEADER]: forged, 'x-forwarded-for': '6.6.6.6' });
      expect(answer.headers[CLIENT_ADDRESS_HEADER]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      // X-Forwarded-For is left as sent: whether to believe it is the app's decision (TRUSTED_PROXIES).
      expect(answer.headers['x-forwarded-for']).toBe('6.6.6.6');
    }
  });

  it('keeps options that were already in NODE_OPTIONS', () => {
    expect(withClientAddressStamp('--max-old-space-size=512')).toMatch(/^--import=file:\/\/.+stamp-client-address\.mjs --max-old-space-size=512$/);
    expect(withClientAddressStamp(undefined)).not.toContain('undefined');
  });
});
