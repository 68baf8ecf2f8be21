import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/media/[key]/route';
import { closeConnection, type Connection } from '@/db/client';
import { media } from '@/db/schema';
import { mediaStorageFromEnv, MediaFileExistsError, S3Storage, s3ClientFor } from '@/lib/media/storage';
import { uploadMedia } from '@/lib/server/media/upload-media';
import { freePort } from '../../../e2e/processes';
import { s3ServiceUnavailable, s3Settings, startS3Service, type S3Service } from '../../../e2e/s3-service';
import { driverName, freshDatabase } from '../helpers';
import { createUser, gradient } from '../media-fixtures';

/**
 * Media in object storage (MEDIA_STORAGE=s3) against a real S3-compatible service owned by this
 * file: OpenStack Swift with its s3api middleware, started on loopback and stopped by PID. It
 * answers `If-None-Match: *` with 501, so the no-overwrite rule goes through the HEAD fallback.
 */

const unavailable = s3ServiceUnavailable();
const KEY = '0123456789abcdef0123456789abcdef';

let service: S3Service;
let client: S3Client;

const bytesOf = async (response: { Body?: { transformToByteArray(): Promise<Uint8Array> } }) => Buffer.from(await response.Body!.transformToByteArray());

describe.skipIf(unavailable !== null)(unavailable ? `media in object storage (skipped: ${unavailable})` : `media in object storage, on ${driverName}`, () => {
  beforeAll(async () => {
    service = await startS3Service(await freePort());
    client = s3ClientFor({
      region: service.region,
      endpoint: service.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: service.accessKeyId, secretAccessKey: service.secretAccessKey },
    });
  }, 300_000);

  afterAll(async () => {
    client?.destroy();
    await service?.stop();
  }, 120_000);

  describe('S3Storage', () => {
    it('stores, reads and deletes a file under its own name, and deleting twice is fine', async () => {
      const storage = new S3Storage(client, service.bucket);
      await storage.put(`${KEY}.webp`, Uint8Array.from([1, 2, 3]));
      expect(Array.from((await storage.get(`${KEY}.webp`))!)).toEqual([1, 2, 3]);
      const stored = await client.send(new GetObjectCommand({ Bucket: service.bucket, Key: `${KEY}.webp` }));
      expect(stored.ContentType).toBe('image/webp');
      await storage.delete(`${KEY}.webp`);
      expect(await storage.get(`${KEY}.webp`)).toBeNull();
      await storage.delete(`${KEY}.webp`);
    });

    it('answers null for a file that was never stored', async () => {
      expect(await new S3Storage(client, service.bucket).get(`${'f'.repeat(32)}-480.webp`)).toBeNull();
    });

    it('never overwrites a stored file, whether or not it has learnt that conditional writes are refused', async () => {
      const name = `${KEY}-480.webp`;
      const fresh = () => new S3Storage(client, service.bucket);
      const storage = fresh();
      await storage.put(name, Uint8Array.from([1]));
      // The same instance, which now goes straight to HEAD-then-PUT, and a new one, which asks first.
      await expect(storage.put(name, Uint8Array.from([2]))).rejects.toThrow(MediaFileExistsError);
      await expect(fresh().put(name, Uint8Array.from([3]))).rejects.toThrow(MediaFileExistsError);
      expect(Array.from((await storage.get(name))!)).toEqual([1]);
      await storage.delete(name);
    });

    it('keeps its files under the prefix, apart from the rest of the bucket', async () => {
      const name = `${KEY}-960.webp`;
      const outside = Buffer.from('not midad');
      await client.send(new PutObjectCommand({ Bucket: service.bucket, Key: name, Body: outside }));
      const storage = new S3Storage(client, service.bucket, 'news/');
      expect(await storage.get(name)).toBeNull();
      await storage.put(name, Uint8Array.from([9]));
      const listed = await client.send(new ListObjectsV2Command({ Bucket: service.bucket, Prefix: 'news/' }));
      expect(listed.Contents?.map((object) => object.Key)).toEqual([`news/${name}`]);
      expect(await bytesOf(await client.send(new GetObjectCommand({ Bucket: service.bucket, Key: name })))).toEqual(outside);
      await storage.delete(name);
      await new S3Storage(client, service.bucket).delete(name);
    });

    it.each(['../escape.webp', `../${KEY}.webp`, `${KEY}.php`, 'x.php.jpg', `${KEY}.webp\u0000.png`, `sub/${KEY}.webp`, '/etc/passwd', `${KEY}-1600.webp`, ''])(
      'refuses the name %j and writes nothing',
      async (name) => {
        const storage = new S3Storage(client, service.bucket);
        const before = (await client.send(new ListObjectsV2Command({ Bucket: service.bucket }))).KeyCount;
        await expect(storage.put(name, Uint8Array.from([1]))).rejects.toThrow(/refusing/);
        await expect(storage.get(name)).rejects.toThrow(/refusing/);
        await expect(storage.delete(name)).rejects.toThrow(/refusing/);
        expect((await client.send(new ListObjectsV2Command({ Bucket: service.bucket }))).KeyCount).toBe(before);
      },
    );
  });

  describe('the media pipeline with MEDIA_STORAGE=s3', () => {
    let connection: Connection;
    const settings = () => s3Settings(service, 'uploads');
    const previous: Record<string, string | undefined> = {};

    beforeAll(async () => {
      connection = await freshDatabase();
      // The upload and the route read their storage from the environment, as the server does.
      for (const [name, value] of Object.entries(settings())) {
        previous[name] = process.env[name];
        process.env[name] = value;
      }
    });
    afterAll(async () => {
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await closeConnection();
    });

    const get = (segment: string) => GET(new Request(`http://midad.test/media/${segment}`), { params: Promise.resolve({ key: segment }) });

    it('stores an upload in the bucket and serves it from there with the usual headers', async () => {
      expect(mediaStorageFromEnv()).toBeInstanceOf(S3Storage);
      const editor = await createUser(connection.db, 'editor');
      const png = await gradient(1200, 600).png().toBuffer();
      const uploaded = (await uploadMedia({ db: connection.db, actor: editor }, { data: png, alt: 'صورة في الحاوية' })).value;
      const key = uploaded.src.slice('/media/'.length);

      const listed = await client.send(new ListObjectsV2Command({ Bucket: service.bucket, Prefix: 'uploads/' }));
      expect(listed.Contents?.map((object) => object.Key).sort()).toEqual([`uploads/${key}-480.webp`, `uploads/${key}-960.webp`, `uploads/${key}.webp`]);
      const [row] = await connection.db.select().from(media).where(eq(media.storageKey, key));
      expect(row).toMatchObject({ mime: 'image/webp', width: 1200, height: 600 });

      const response = await get(key);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(await bytesOf(await client.send(new GetObjectCommand({ Bucket: service.bucket, Key: `uploads/${key}.webp` }))))).toBe(true);
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(body.length).toBe(row!.bytes);
      expect((await sharp(body).metadata()).width).toBe(1200);
      expect((await sharp(Buffer.from(await (await get(`${key}-480`)).arrayBuffer())).metadata()).width).toBe(480);

      // An object gone from the bucket is a plain 404, like a file gone from the disk.
      await mediaStorageFromEnv().delete(`${key}-960.webp`);
      const missing = await get(`${key}-960`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('cache-control')).toBe('no-store');
    });

    it('stores nothing when the upload is refused', async () => {
      const editor = await createUser(connection.db, 'editor');
      const before = (await client.send(new ListObjectsV2Command({ Bucket: service.bucket }))).KeyCount;
      await expect(uploadMedia({ db: connection.db, actor: editor }, { data: Buffer.from('<html><script>alert(1)</script></html>'), alt: 'x' })).rejects.toThrow();
      expect((await client.send(new ListObjectsV2Command({ Bucket: service.bucket }))).KeyCount).toBe(before);
    });
  });
});
