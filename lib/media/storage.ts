import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/env';
import { appConfig } from '../config/server';
import { isVariantFileName } from './keys';

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

/** The storage configured for this process: `MEDIA_DIR`, or `.data/media` under the working directory. */
export function mediaStorageFromEnv(config: Pick<AppConfig, 'mediaDir'> = appConfig()): MediaStorage {
  return new LocalDirectoryStorage(config.mediaDir);
}
