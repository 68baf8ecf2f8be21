import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/media/[key]/route';
import { closeConnection, type Connection } from '@/db/client';
import { media } from '@/db/schema';
import type { MediaDto } from '@/lib/media/dto';
import { LocalDirectoryStorage } from '@/lib/media/storage';
import { uploadMedia } from '@/lib/server/media/upload-media';
import { driverName, freshDatabase, tempDir } from '../helpers';
import { createUser, gradient } from '../media-fixtures';

let connection: Connection;
let mediaDir: string;
let uploaded: MediaDto;
let key: string;
const previousMediaDir = process.env.MEDIA_DIR;

beforeAll(async () => {
  connection = await freshDatabase();
  mediaDir = path.join(tempDir('midad-media-route-'), 'media');
  // The route reads MEDIA_DIR like the running server does.
  process.env.MEDIA_DIR = mediaDir;
  const editor = await createUser(connection.db, 'editor');
  const png = await gradient(1200, 600).png().toBuffer();
  uploaded = (await uploadMedia({ db: connection.db, actor: editor }, { data: png, alt: 'صورة' }, new LocalDirectoryStorage(mediaDir))).value;
  key = uploaded.src.slice('/media/'.length);
});
afterAll(async () => {
  if (previousMediaDir === undefined) delete process.env.MEDIA_DIR;
  else process.env.MEDIA_DIR = previousMediaDir;
  await closeConnection();
});

const get = (segment: string) => GET(new Request(`http://midad.test/media/${encodeURIComponent(segment)}`), { params: Promise.resolve({ key: segment }) });

describe(`GET /media/[key] on ${driverName}`, () => {
  it('serves the canonical file with its stored type, nosniff and a year of caching', async () => {
    const response = await get(key);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(fs.readFileSync(path.join(mediaDir, `${key}.webp`)))).toBe(true);
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect((await sharp(body).metadata()).width).toBe(1200);
  });

  it('serves the smaller variants that exist', async () => {
    for (const width of [480, 960]) {
      const response = await get(`${key}-${width}`);
      expect(response.status).toBe(200);
      expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(width);
    }
  });

  it.each([
    () => '0123456789abcdef0123456789abcdef',
    () => `${key}-1600`,
    () => `${key}-500`,
    () => `${key}.webp`,
    () => key.toUpperCase(),
    () => `../${key}`,
    () => '../../../../etc/passwd',
    () => '..%2F..%2Fetc%2Fpasswd',
    () => `${key}\u0000`,
    () => `${key}/..`,
    () => '',
  ])('answers 404 for an unknown or malformed key (%#)', async (segment) => {
    const response = await get(segment());
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a variant the image is too small to have', async () => {
    const editor = await createUser(connection.db, 'editor');
    const small = (await uploadMedia({ db: connection.db, actor: editor }, { data: await gradient(600, 300).png().toBuffer(), alt: 'صغيرة' }, new LocalDirectoryStorage(mediaDir))).value;
    const smallKey = small.src.slice('/media/'.length);
    expect((await get(`${smallKey}-480`)).status).toBe(200);
    expect((await get(`${smallKey}-960`)).status).toBe(404);
  });

  it('serves nothing for a file without its row, nor for a row without its file', async () => {
    const orphanKey = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    fs.writeFileSync(path.join(mediaDir, `${orphanKey}.webp`), 'not recorded');
    expect((await get(orphanKey)).status).toBe(404);

    fs.rmSync(path.join(mediaDir, `${key}-480.webp`));
    expect((await get(`${key}-480`)).status).toBe(404);
    const [row] = await connection.db.select().from(media).where(eq(media.storageKey, key));
    expect(row).toBeDefined();
  });
});
