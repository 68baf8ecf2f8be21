import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AppConfig, MediaStorageConfig } from '../config/env';
import { appConfig } from '../config/server';
import { isVariantFileName, MEDIA_OUTPUT_MIME } from './keys';

/**
 * Where media files live. Names are always ones the server made (see keys.ts); a backend refuses
 * any other name, so a bug elsewhere cannot turn into a path outside its directory.
 */
export interface MediaStorage {
  /** Stores a new file; never overwrites an existing one. */
  put(name: string, data: Uint8Array): Promise<void>;
  /** The file's bytes, or null when there is no such file. */
  get(name: string): Promise<Uint8Array | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(name: string): Promise<void>;
}

function checkName(name: string): void {
  if (!isVariantFileName(name)) throw new Error(`refusing media file name ${JSON.stringify(name)}`);
}

/** Files in one local directory, each written whole to a temporary name and then linked into place. */
export class LocalDirectoryStorage implements MediaStorage {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
  }

  async put(name: string, data: Uint8Array): Promise<void> {
    checkName(name);
    await fs.mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, name);
    const temporary = path.join(this.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    await fs.writeFile(temporary, data, { flag: 'wx' });
    try {
      // link() fails if the target exists, so a stored file is never replaced.
      await fs.link(temporary, target);
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  async get(name: string): Promise<Uint8Array | null> {
    checkName(name);
    try {
      return await fs.readFile(path.join(this.dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    await fs.rm(path.join(this.dir, name), { force: true });
  }
}

export type S3StorageConfig = Extract<MediaStorageConfig, { kind: 's3' }>;

/** Thrown by put when the name is taken: a stored file is never replaced. */
export class MediaFileExistsError extends Error {
  constructor(name: string) {
    super(`media file ${name} already exists`);
    this.name = 'MediaFileExistsError';
  }
}

/**
 * Objects in an S3 bucket (AWS or any S3-compatible service), under an optional prefix. Every node
 * of a site reads and writes the same bucket, so any node serves any image.
 *
 * put asks the service to refuse an existing name (`If-None-Match: *`). Services without
 * conditional writes (OpenStack Swift answers 501) get a HEAD and then an unconditional PUT: two
 * writers racing between the two could both succeed, but names are 128 random bits made by the
 * server for one upload, so two writers of one name do not happen in practice.
 */
export class S3Storage implements MediaStorage {
  /** Unknown until the first put; false once the service has said it cannot write conditionally. */
  private conditionalWrites: boolean | undefined;

  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    readonly prefix = '',
  ) {}

  private objectKey(name: string): string {
    checkName(name);
    return `${this.prefix}${name}`;
  }

  async put(name: string, data: Uint8Array): Promise<void> {
    const Key = this.objectKey(name);
    const object = { Bucket: this.bucket, Key, Body: data, ContentType: MEDIA_OUTPUT_MIME, ContentLength: data.byteLength };
    if (this.conditionalWrites !== false) {
      try {
        await this.client.send(new PutObjectCommand({ ...object, IfNoneMatch: '*' }));
        this.conditionalWrites = true;
        return;
      } catch (error) {
        if (status(error) === 412 || errorName(error) === 'PreconditionFailed') throw new MediaFileExistsError(name);
        if (!(status(error) === 501 || errorName(error) === 'NotImplemented')) throw error;
        this.conditionalWrites = false;
      }
    }
    if (await this.exists(Key)) throw new MediaFileExistsError(name);
    await this.client.send(new PutObjectCommand(object));
  }

  private async exists(Key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async get(name: string): Promise<Uint8Array | null> {
    const Key = this.objectKey(name);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      return response.Body ? await response.Body.transformToByteArray() : new Uint8Array(0);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(name: string): Promise<void> {
    const Key = this.objectKey(name);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    } catch (error) {
      // S3 answers 204 for a missing object; some compatible services answer 404.
      if (!isMissing(error)) throw error;
    }
  }
}

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** The object is not there. A missing bucket is a mistake in the settings, not a missing image. */
function isMissing(error: unknown): boolean {
  if (errorName(error) === 'NoSuchBucket') return false;
  return status(error) === 404 || errorName(error) === 'NoSuchKey' || errorName(error) === 'NotFound';
}

/**
 * An S3 client for these settings. The SDK's default checksums are turned down to what a request
 * requires: services other than AWS reject or mishandle the newer checksum headers.
 */
export function s3ClientFor(config: Omit<S3StorageConfig, 'kind' | 'bucket' | 'prefix'>): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    // Unset: the SDK's default chain (AWS_* variables, shared files, container or instance roles).
    credentials: config.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const holder = globalThis as typeof globalThis & { __midadS3Storage?: { key: string; storage: S3Storage } };

/**
 * One S3 storage, and so one client and connection pool, per process; made again only if the
 * settings change. Keeping it also keeps what it learnt of the service (conditional writes or not).
 */
function sharedS3Storage(config: S3StorageConfig): S3Storage {
  const key = JSON.stringify(config);
  if (holder.__midadS3Storage?.key !== key) {
    holder.__midadS3Storage?.storage.client.destroy();
    holder.__midadS3Storage = { key, storage: new S3Storage(s3ClientFor(config), config.bucket, config.prefix) };
  }
  return holder.__midadS3Storage.storage;
}

/** The storage configured for this process: MEDIA_STORAGE=s3 and its bucket, else MEDIA_DIR (default `.data/media`). */
export function mediaStorageFromEnv(config: Pick<AppConfig, 'mediaDir' | 'mediaStorage'> = appConfig()): MediaStorage {
  return config.mediaStorage.kind === 's3' ? sharedS3Storage(config.mediaStorage) : new LocalDirectoryStorage(config.mediaDir);
}
