import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { configFrom } from '../config/server';
import { LocalDirectoryStorage, MediaFileExistsError, mediaStorageFromEnv, S3Storage } from './storage';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-storage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const KEY = 'abcdefabcdefabcdefabcdefabcdef12';

describe('LocalDirectoryStorage', () => {
  const dir = path.join(root, 'media');
  const storage = new LocalDirectoryStorage(dir);

  it('stores, reads and deletes a file under its own name', async () => {
    await storage.put(`${KEY}.webp`, Uint8Array.from([1, 2, 3]));
    expect(fs.readdirSync(dir)).toEqual([`${KEY}.webp`]);
    expect(Array.from((await storage.get(`${KEY}.webp`))!)).toEqual([1, 2, 3]);
    await storage.delete(`${KEY}.webp`);
    expect(await storage.get(`${KEY}.webp`)).toBeNull();
    await storage.delete(`${KEY}.webp`);
  });

  it('never overwrites a stored file', async () => {
    await storage.put(`${KEY}-480.webp`, Uint8Array.from([1]));
    await expect(storage.put(`${KEY}-480.webp`, Uint8Array.from([2]))).rejects.toThrow();
    expect(Array.from((await storage.get(`${KEY}-480.webp`))!)).toEqual([1]);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['../escape.webp', `../${KEY}.webp`, `${KEY}.php`, 'x.php.jpg', `${KEY}.webp\u0000.png`, `sub/${KEY}.webp`, '/etc/passwd', ''])(
    'refuses the name %j and writes nothing',
    async (name) => {
      const before = fs.readdirSync(root, { recursive: true }).length;
      await expect(storage.put(name, Uint8Array.from([1]))).rejects.toThrow(/refusing/);
      await expect(storage.get(name)).rejects.toThrow(/refusing/);
      await expect(storage.delete(name)).rejects.toThrow(/refusing/);
      expect(fs.readdirSync(root, { recursive: true }).length).toBe(before);
    },
  );

  it('uses MEDIA_DIR, or .data/media by default', () => {
    expect((mediaStorageFromEnv(configFrom({ MEDIA_DIR: dir })) as LocalDirectoryStorage).dir).toBe(dir);
    expect((mediaStorageFromEnv(configFrom({})) as LocalDirectoryStorage).dir).toBe(path.resolve('.data', 'media'));
  });
});

describe('mediaStorageFromEnv with MEDIA_STORAGE=s3', () => {
  const settings = { MEDIA_STORAGE: 's3', S3_BUCKET: 'midad-media', S3_ENDPOINT: 'http://127.0.0.1:9', S3_PREFIX: 'news', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };

  it('gives the bucket and prefix, and one client for the whole process', () => {
    const storage = mediaStorageFromEnv(configFrom(settings));
    expect(storage).toBeInstanceOf(S3Storage);
    expect(storage).toMatchObject({ bucket: 'midad-media', prefix: 'news/' });
    expect(mediaStorageFromEnv(configFrom(settings))).toBe(storage);
    expect((mediaStorageFromEnv(configFrom({ ...settings, S3_BUCKET: 'other' })) as S3Storage).bucket).toBe('other');
  });

  it.each(['../escape.webp', `${KEY}.php`, `sub/${KEY}.webp`, ''])('refuses the name %j before any request', async (name) => {
    // Nothing listens on port 9: a request would fail with a connection error, not this.
    const storage = mediaStorageFromEnv(configFrom(settings));
    await expect(storage.put(name, Uint8Array.from([1]))).rejects.toThrow(/refusing/);
    await expect(storage.get(name)).rejects.toThrow(/refusing/);
    await expect(storage.delete(name)).rejects.toThrow(/refusing/);
  });
});

/** An error shaped like the SDK's service exceptions: a name and the HTTP status. */
function serviceError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

/**
 * A bucket in memory that answers as AWS S3 does (conditional writes refused with 412), or, with
 * `conditionalWrites: false`, as Swift does (501). It records the requests it was sent.
 */
function fakeBucket({ conditionalWrites }: { conditionalWrites: boolean }) {
  const objects = new Map<string, Uint8Array>();
  const requests: string[] = [];
  const send = async (command: unknown) => {
    if (command instanceof PutObjectCommand) {
      const { Key, Body, IfNoneMatch } = command.input;
      requests.push(`PUT${IfNoneMatch ? ' if-none-match' : ''} ${Key}`);
      if (IfNoneMatch && !conditionalWrites) throw serviceError('NotImplemented', 501);
      if (IfNoneMatch && objects.has(Key!)) throw serviceError('PreconditionFailed', 412);
      objects.set(Key!, Body as Uint8Array);
      return {};
    }
    if (command instanceof HeadObjectCommand) {
      requests.push(`HEAD ${command.input.Key}`);
      if (!objects.has(command.input.Key!)) throw serviceError('NotFound', 404);
      return {};
    }
    if (command instanceof GetObjectCommand) {
      requests.push(`GET ${command.input.Key}`);
      const data = objects.get(command.input.Key!);
      if (!data) throw serviceError('NoSuchKey', 404);
      return { Body: { transformToByteArray: async () => data } };
    }
    if (command instanceof DeleteObjectCommand) {
      requests.push(`DELETE ${command.input.Key}`);
      // Some compatible services answer 404 for a missing object.
      if (!objects.delete(command.input.Key!)) throw serviceError('NoSuchKey', 404);
      return {};
    }
    throw new Error('unexpected command');
  };
  return { client: { send } as unknown as S3Client, objects, requests };
}

describe('S3Storage', () => {
  it('writes conditionally where the service can, and refuses an existing name', async () => {
    const bucket = fakeBucket({ conditionalWrites: true });
    const storage = new S3Storage(bucket.client, 'b', 'news/');
    await storage.put(`${KEY}.webp`, Uint8Array.from([1]));
    await expect(storage.put(`${KEY}.webp`, Uint8Array.from([2]))).rejects.toThrow(MediaFileExistsError);
    expect(Array.from((await storage.get(`${KEY}.webp`))!)).toEqual([1]);
    expect(bucket.requests).toEqual([`PUT if-none-match news/${KEY}.webp`, `PUT if-none-match news/${KEY}.webp`, `GET news/${KEY}.webp`]);
  });

  it('falls back to a look-up before writing once the service answers 501, and remembers it', async () => {
    const bucket = fakeBucket({ conditionalWrites: false });
    const storage = new S3Storage(bucket.client, 'b');
    await storage.put(`${KEY}.webp`, Uint8Array.from([1]));
    await storage.put(`${KEY}-480.webp`, Uint8Array.from([2]));
    await expect(storage.put(`${KEY}.webp`, Uint8Array.from([3]))).rejects.toThrow(MediaFileExistsError);
    expect(Array.from(bucket.objects.get(`${KEY}.webp`)!)).toEqual([1]);
    expect(bucket.requests).toEqual([`PUT if-none-match ${KEY}.webp`, `HEAD ${KEY}.webp`, `PUT ${KEY}.webp`, `HEAD ${KEY}-480.webp`, `PUT ${KEY}-480.webp`, `HEAD ${KEY}.webp`]);
  });

  it('reads a missing object as null and deletes one twice without an error', async () => {
    const bucket = fakeBucket({ conditionalWrites: true });
    const storage = new S3Storage(bucket.client, 'b');
    expect(await storage.get(`${KEY}.webp`)).toBeNull();
    await storage.put(`${KEY}.webp`, Uint8Array.from([1]));
    await storage.delete(`${KEY}.webp`);
    await storage.delete(`${KEY}.webp`);
    expect(bucket.objects.size).toBe(0);
  });

  it.each([
    ['AccessDenied', 403],
    ['NoSuchBucket', 404],
  ])('passes %s on instead of reading it as a missing file', async (name, code) => {
    const storage = new S3Storage({ send: async () => Promise.reject(serviceError(name, code)) } as unknown as S3Client, 'b');
    await expect(storage.get(`${KEY}.webp`)).rejects.toThrow(name);
    await expect(storage.put(`${KEY}.webp`, Uint8Array.from([1]))).rejects.toThrow(name);
    await expect(storage.delete(`${KEY}.webp`)).rejects.toThrow(name);
  });
});
