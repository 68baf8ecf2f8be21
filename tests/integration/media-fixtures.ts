import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { users } from '@/db/schema';
import type { Database } from '@/db/client';
import type { Role } from '@/lib/permissions';
import type { Actor } from '@/lib/server/next/session';

/** A photo-like image: a gradient, so the encoders have real detail to work on. */
export function gradient(width: number, height: number): Sharp {
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 128;
    }
  }
  return sharp(pixels, { raw: { width, height, channels } });
}

/** A JPEG carrying the metadata a phone camera writes, GPS position included. */
export function cameraJpeg(width = 1200, height = 800, orientation?: number): Promise<Buffer> {
  let image = gradient(width, height).withExif({
    IFD0: { Make: 'MidadCam', Model: 'Secret Model X', Copyright: 'Private Photographer', ImageDescription: 'home address' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 46/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '35/1 13/1 0/1' },
  });
  if (orientation) image = image.withMetadata({ orientation });
  return image.jpeg({ quality: 90 }).toBuffer();
}

/** Rewrites a PNG's declared size, with a correct checksum, leaving the few real pixels alone. */
export function pngDeclaring(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

/** Rewrites a baseline JPEG's frame header (SOF0) to declare another size. */
export function jpegDeclaring(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; ) {
    if (out[i] !== 0xff) throw new Error('not a marker');
    const marker = out[i + 1]!;
    const length = out.readUInt16BE(i + 2);
    if (marker === 0xc0 || marker === 0xc2) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + length;
  }
  throw new Error('no frame header');
}

/** A person with `role`, as the desk pipeline sees the signed-in caller. */
export async function createUser(db: Database, role: Role): Promise<Actor> {
  const [row] = await db
    .insert(users)
    .values({ email: `${role}-${Math.random().toString(36).slice(2)}@midad.test`, name: role, role, passwordHash: 'x' })
    .returning({ id: users.id, role: users.role, email: users.email, name: users.name });
  return { ...row!, sessionId: randomUUID() };
}

/** Every file under a directory, relative to it (none when it does not exist). */
export function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
