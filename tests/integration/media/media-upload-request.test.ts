import path from 'node:path';
import { count, desc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { activityLog, media } from '@/db/schema';
import { errorMessage } from '@/i18n';
import type { ErrorCode } from '@/lib/errors';
import { LocalDirectoryStorage } from '@/lib/media/storage';
import { MAX_UPLOAD_REQUEST_BYTES, receiveMediaUpload } from '@/lib/server/next/media-upload';
import type { Actor } from '@/lib/server/next/session';
import { driverName, freshDatabase, tempDir } from '../helpers';
import { createUser, filesIn, gradient } from '../media-fixtures';

// Each request names its caller below; the session module (and the sign-in library behind it) stays out.
vi.mock('@/lib/server/next/session', () => ({ getCurrentUser: async () => null }));

/*
 * POST /api/media as a sender controls it: the body is a stream that hands out bytes only when the
 * server pulls them, and records how far it was read. Refusals that need no body must come before
 * the first pull; a body past the limit must be cut off there, whether or not it announced its
 * length, and whatever length it announced.
 */

const SITE = 'http://midad.test';
const CHUNK = 64 * 1024;

let db: Database;
let root: string;
let storage: LocalDirectoryStorage;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  editor = await createUser(db, 'editor');
  reviewer = await createUser(db, 'reviewer');
});
afterAll(() => closeConnection());
beforeEach(async () => {
  await db.delete(media);
  root = tempDir('midad-upload-request-');
  storage = new LocalDirectoryStorage(path.join(root, 'media'));
});

/** `total` bytes handed out CHUNK at a time, only when pulled (nothing is queued ahead). */
function pulledBody(source: Uint8Array | number) {
  const record = { pulled: 0, pulls: 0 };
  const total = typeof source === 'number' ? source : source.byteLength;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        record.pulls++;
        if (record.pulled >= total) {
          controller.close();
          return;
        }
        const size = Math.min(CHUNK, total - record.pulled);
        controller.enqueue(typeof source === 'number' ? new Uint8Array(size).fill(0x2d) : source.slice(record.pulled, record.pulled + size));
        record.pulled += size;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, record };
}

function multipart(file: Uint8Array, alt = 'صورة من الميدان') {
  const boundary = `midad-${Math.random().toString(36).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n--${boundary}--\r\n`),
  ]);
  return { body: new Uint8Array(body), contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}/api/media`, {
    method: 'POST',
    headers: { origin: SITE, host: 'midad.test', 'content-type': 'multipart/form-data; boundary=x', ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

async function send(request: Request, actor: Actor | null) {
  let asked = 0;
  const response = await receiveMediaUpload(request, {
    currentUser: async () => {
      asked++;
      return actor;
    },
    db,
    storage,
  });
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, asked };
}

async function expectNothingStored() {
  expect((await db.select({ n: count() }).from(media))[0]!.n).toBe(0);
  expect(filesIn(root)).toEqual([]);
}

function expectCode(json: Record<string, unknown>, code: ErrorCode) {
  expect(json).toMatchObject({ error: code, message: errorMessage(code) });
  expect(errorMessage(code, 'en')).toMatch(/\S{3}/);
}

describe(`who may upload is settled before the body is read, on ${driverName}`, () => {
  it('a reviewer is refused without a single byte pulled', async () => {
    const { stream, record } = pulledBody(8 * 1024 * 1024);
    const { status, json } = await send(post(stream), reviewer);
    expect(status).toBe(403);
    expectCode(json, 'FORBIDDEN');
    expect(record.pulls).toBe(0);
    await expectNothingStored();
    // The newsroom's log names who was refused and where.
    const [entry] = await db.select().from(activityLog).orderBy(desc(activityLog.id)).limit(1);
    expect(entry).toMatchObject({ kind: 'access.refused', actorId: reviewer.id, details: { operation: 'POST /api/media' } });
  });

  it('so is a caller without a session', async () => {
    const { stream, record } = pulledBody(8 * 1024 * 1024);
    const { status, json } = await send(post(stream), null);
    expect(status).toBe(401);
    expectCode(json, 'UNAUTHENTICATED');
    expect(record.pulls).toBe(0);
  });

  it('and a post from another site, before the session is even looked up', async () => {
    for (const origin of ['https://evil.example', 'null', '']) {
      const { stream, record } = pulledBody(8 * 1024 * 1024);
      const request = post(stream, origin ? { origin } : {});
      if (!origin) request.headers.delete('origin');
      const { status, json, asked } = await send(request, editor);
      expect(status, origin).toBe(403);
      expectCode(json, 'FORBIDDEN');
      expect(asked).toBe(0);
      expect(record.pulls).toBe(0);
    }
    await expectNothingStored();
  });
});

describe(`a body past the limit is cut off at the limit, on ${driverName}`, () => {
  it('a chunked body with no Content-Length gets 413 and is not read past the limit', async () => {
    const { stream, record } = pulledBody(64 * 1024 * 1024);
    const { status, json } = await send(post(stream), editor);
    expect(status).toBe(413);
    expectCode(json, 'MEDIA_TOO_LARGE');
    expect(record.pulled).toBeGreaterThan(MAX_UPLOAD_REQUEST_BYTES);
    expect(record.pulled).toBeLessThanOrEqual(MAX_UPLOAD_REQUEST_BYTES + CHUNK);
    await expectNothingStored();
  });

  it('an honest Content-Length over the limit gets 413 before anything is read', async () => {
    const { stream, record } = pulledBody(13 * 1024 * 1024);
    const { status, json } = await send(post(stream, { 'content-length': String(13 * 1024 * 1024) }), editor);
    expect(status).toBe(413);
    expectCode(json, 'MEDIA_TOO_LARGE');
    expect(record.pulls).toBe(0);
  });

  it('a small Content-Length in front of a big body gets 400, read no further than the length it gave', async () => {
    const { stream, record } = pulledBody(40 * 1024 * 1024);
    const { status, json } = await send(post(stream, { 'content-length': '1000' }), editor);
    expect(status).toBe(400);
    expectCode(json, 'INVALID_INPUT');
    expect(record.pulled).toBeLessThanOrEqual(CHUNK);
    await expectNothingStored();
  });

  it('a Content-Length that promises more than arrives, or is not a number, gets 400', async () => {
    const png = await gradient(64, 64).png().toBuffer();
    for (const length of ['5000000', 'lots', '-1']) {
      const { body, contentType } = multipart(png);
      const { status, json } = await send(post(pulledBody(body).stream, { 'content-type': contentType, 'content-length': length }), editor);
      expect(status, length).toBe(400);
      expectCode(json, 'INVALID_INPUT');
    }
    await expectNothingStored();
  });
});

describe(`a normal upload still goes through, on ${driverName}`, () => {
  it('streamed in chunks without a Content-Length, and with an honest one', async () => {
    const png = await gradient(1200, 700).png().toBuffer();
    for (const withLength of [false, true]) {
      const { body, contentType } = multipart(png);
      const { stream, record } = pulledBody(body);
      const headers: Record<string, string> = { 'content-type': contentType };
      if (withLength) headers['content-length'] = String(body.byteLength);
      const { status, json } = await send(post(stream, headers), editor);
      expect(status).toBe(201);
      expect(json.value).toMatchObject({ mime: 'image/webp', width: 1200, alt: 'صورة من الميدان' });
      expect(record.pulled).toBe(body.byteLength);
    }
    expect((await db.select({ n: count() }).from(media))[0]!.n).toBe(2);
  });

  it('up to the limit: a file just under 10 MB in a request under 12 MB reaches the image checks', async () => {
    // Random bytes after a PNG signature: big, within the request limit, and not an image.
    const almost = new Uint8Array(10 * 1024 * 1024 - 1024);
    for (let i = 0; i < almost.length; i += 4096) almost[i] = (i * 7919) & 0xff;
    almost.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { body, contentType } = multipart(almost);
    const { status, json } = await send(post(pulledBody(body).stream, { 'content-type': contentType }), editor);
    expect(status).toBe(400);
    expectCode(json, 'MEDIA_NOT_IMAGE');
  });
});
