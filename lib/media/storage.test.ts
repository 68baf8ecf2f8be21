import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFrom } from '../config/server';
import { LocalDirectoryStorage, mediaStorageFromEnv, S3Storage } from './storage';

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
