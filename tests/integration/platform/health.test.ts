import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { closeConnection, openDatabase, installConnection } from '@/db/client';
import { freshDatabase } from '../helpers';

describe('/api/health', () => {
  beforeAll(() => freshDatabase());
  afterAll(() => closeConnection());

  it('answers 200 ok when the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with a short body, and no stack trace, when the database is down', async () => {
    await closeConnection();
    // Port 9 (discard) has no PostgreSQL behind it.
    installConnection(openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:9/none' }));
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ status: 'error', db: 'unavailable' });
    expect(body).not.toMatch(/at |ECONNREFUSED|node_modules/);
  });
});
