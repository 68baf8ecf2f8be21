import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '@/db/activity';
import { closeConnection, type Connection } from '@/db/client';
import { media } from '@/db/schema';
import type { ErrorCode } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/media/process';
import { LocalDirectoryStorage } from '@/lib/media/storage';
import { uploadMedia, type UploadMediaInput } from '@/lib/server/media/upload-media';
import type { Actor } from '@/lib/server/next/session';
import { driverName, freshDatabase, tempDir } from '../helpers';
import { refusedWith } from '../refusals';
import { cameraJpeg, createUser, filesIn, gradient, jpegDeclaring, pngDeclaring } from '../media-fixtures';

let connection: Connection;
let mediaDir: string;
let storage: LocalDirectoryStorage;
let editor: Actor;
let admin: Actor;
let reviewer: Actor;

beforeAll(async () => {
  connection = await freshDatabase();
  editor = await createUser(connection.db, 'editor');
  admin = await createUser(connection.db, 'admin');
  reviewer = await createUser(connection.db, 'reviewer');
});
afterAll(() => closeConnection());

beforeEach(async () => {
  // Each test gets an empty library, so "nothing was written" can be checked exactly.
  await connection.db.delete(media);
  mediaDir = path.join(tempDir('midad-media-'), 'media');
  storage = new LocalDirectoryStorage(mediaDir);
});

const upload = async (actor: Actor, data: Uint8Array, extra: Partial<UploadMediaInput> = {}) =>
  (await uploadMedia({ db: connection.db, actor }, { data, alt: 'وصف الصورة', ...extra }, storage)).value;


async function expectNothingWritten() {
  const [row] = await connection.db.select({ n: count() }).from(media);
  expect(row!.n).toBe(0);
  expect(filesIn(mediaDir)).toEqual([]);
}

describe(`uploading images on ${driverName}`, () => {
  it('re-encodes a large PNG to WebP in three widths and records it', async () => {
    const png = await gradient(2000, 1000).png().toBuffer();
    const dto = await upload(editor, png, { caption: '  تعليق  ', credit: 'مِداد' });

    expect(dto).toMatchObject({ mime: 'image/webp', width: 1600, height: 800, alt: 'وصف الصورة', caption: 'تعليق', credit: 'مِداد' });
    expect(dto.src).toMatch(/^\/media\/[0-9a-f]{32}$/);
    expect(dto.variants.map((v) => v.width)).toEqual([480, 960, 1600]);
    const key = dto.src.slice('/media/'.length);
    expect(filesIn(mediaDir)).toEqual([`${key}-480.webp`, `${key}-960.webp`, `${key}.webp`].sort());

    for (const [name, width] of [[`${key}.webp`, 1600], [`${key}-960.webp`, 960], [`${key}-480.webp`, 480]] as const) {
      const stored = fs.readFileSync(path.join(mediaDir, name));
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(width);
      expect(meta.height).toBe(width / 2);
    }
    const [row] = await connection.db.select().from(media).where(eq(media.id, dto.id));
    expect(row).toMatchObject({ storageKey: key, mime: 'image/webp', width: 1600, height: 800, uploadedBy: editor.id });
    expect(row!.bytes).toBe(fs.statSync(path.join(mediaDir, `${key}.webp`)).size);
    // The upload is in the newsroom's activity log, as stored.
    const [entry] = await listActivity(connection.db, { kind: 'media.uploaded', actorId: editor.id }, { limit: 1, offset: 0 });
    expect(entry?.details).toEqual({ mediaId: dto.id, file: `${key}.webp`, mime: 'image/webp', width: 1600, height: 800, bytes: row!.bytes, alt: 'وصف الصورة' });
  });

  it('accepts a camera JPEG, turns it upright and strips EXIF, GPS and all other metadata', async () => {
    const jpeg = await cameraJpeg(1200, 800, 6);
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const dto = await upload(admin, jpeg);
    // Orientation 6 means "rotate 90°": the stored image is portrait.
    expect([dto.width, dto.height]).toEqual([800, 1200]);
    for (const name of filesIn(mediaDir)) {
      const stored = fs.readFileSync(path.join(mediaDir, name));
      const meta = await sharp(stored).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      for (const secret of ['MidadCam', 'Secret Model X', 'Private Photographer', 'home address', 'GPS', 'Exif']) {
        expect(stored.includes(secret)).toBe(false);
      }
    }
  });

  it('accepts WebP, GIF and AVIF, and never enlarges a small image', async () => {
    const small = gradient(300, 200);
    for (const data of [
      await small.clone().webp().toBuffer(),
      await small.clone().gif().toBuffer(),
      await small.clone().avif({ effort: 0 }).toBuffer(),
    ]) {
      const dto = await upload(editor, data);
      expect([dto.width, dto.height]).toEqual([300, 200]);
      expect(dto.variants).toEqual([{ width: 300, src: dto.src }]);
    }
    expect(filesIn(mediaDir)).toHaveLength(3);
  });

  it('ignores the file name and the claimed type entirely', async () => {
    const jpeg = await cameraJpeg(640, 480);
    const names = ['x.php.jpg', '../../../etc/passwd.jpg', 'a\u0000b.jpg', '\u202Egpj.exe', 'ن'.repeat(300) + '.jpg'];
    for (const name of names) {
      // What the desk receives from a form: the name and type are the sender's to choose.
      const file = new File([new Uint8Array(jpeg)], name, { type: 'text/html' });
      const dto = await upload(editor, new Uint8Array(await file.arrayBuffer()));
      expect(dto.src).toMatch(/^\/media\/[0-9a-f]{32}$/);
    }
    const stored = filesIn(mediaDir);
    expect(stored).toHaveLength(names.length * 2);
    for (const name of stored) expect(name).toMatch(/^[0-9a-f]{32}(-480)?\.webp$/);
    expect(fs.readdirSync(path.dirname(mediaDir))).toEqual(['media']);

    const php = new File(['<?php system($_GET["c"]); ?>'], 'x.php.jpg', { type: 'image/jpeg' });
    expect(await refusedWith(upload(editor, new Uint8Array(await php.arrayBuffer())))).toBe('MEDIA_NOT_IMAGE');
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, ErrorCode]>([
    ['HTML renamed .jpg', () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'), 'MEDIA_NOT_IMAGE'],
    ['HTML behind a JPEG signature', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, 40]), Buffer.from('<html><script>alert(1)</script></html>')]), 'MEDIA_NOT_IMAGE'],
    ['SVG with a script', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'), 'MEDIA_NOT_IMAGE'],
    ['SVG behind an XML declaration', () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'MEDIA_NOT_IMAGE'],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), 'MEDIA_NOT_IMAGE'],
    ['a GIF/JavaScript polyglot', () => Buffer.concat([Buffer.from('GIF89a/*'), Buffer.alloc(20), Buffer.from('*/=alert(document.domain);//')]), 'MEDIA_NOT_IMAGE'],
    [
      'a real GIF with HTML appended',
      async () => Buffer.concat([await gradient(40, 40).gif().toBuffer(), Buffer.from('<script>alert(1)</script>')]),
      'MEDIA_NOT_IMAGE',
    ],
    [
      'a real JPEG whose comment is a web page',
      async () => {
        const jpeg = await gradient(64, 64).jpeg().toBuffer();
        const comment = Buffer.from('<html><body onload=alert(1)>');
        const segment = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0, comment.length + 2]), comment]);
        return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
      },
      'MEDIA_NOT_IMAGE',
    ],
    ['a truncated JPEG', async () => (await gradient(400, 400).jpeg().toBuffer()).subarray(0, 600), 'MEDIA_NOT_IMAGE'],
    ['a JPEG signature on noise', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), 'MEDIA_NOT_IMAGE'],
    ['an empty file', () => new Uint8Array(0), 'MEDIA_NOT_IMAGE'],
    ['a file over 10 MB', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_UPLOAD_BYTES)]), 'MEDIA_TOO_LARGE'],
    ['a PNG declaring 40 000 × 40 000 pixels', async () => pngDeclaring(await gradient(16, 16).png().toBuffer(), 40_000, 40_000), 'MEDIA_TOO_MANY_PIXELS'],
    ['a JPEG declaring 60 000 × 60 000 pixels', async () => jpegDeclaring(await gradient(16, 16).jpeg().toBuffer(), 60_000, 60_000), 'MEDIA_TOO_MANY_PIXELS'],
  ])('refuses %s and writes nothing', async (_name, make, code) => {
    expect(await refusedWith(upload(editor, await make()))).toBe(code);
    await expectNothingWritten();
  });

  it('refuses reviewers before looking at the file', async () => {
    const png = await gradient(100, 100).png().toBuffer();
    expect(await refusedWith(upload(reviewer, png))).toBe('FORBIDDEN');
    await expectNothingWritten();
  });

  it('requires alt text and limits the texts, before processing the file', async () => {
    const png = await gradient(100, 100).png().toBuffer();
    expect(await refusedWith(upload(editor, png, { alt: '' }))).toBe('MEDIA_ALT_REQUIRED');
    expect(await refusedWith(upload(editor, png, { alt: ' \n\u202E ' }))).toBe('MEDIA_ALT_REQUIRED');
    expect(await refusedWith(upload(editor, png, { alt: undefined }))).toBe('MEDIA_ALT_REQUIRED');
    expect(await refusedWith(upload(editor, png, { alt: 42 }))).toBe('INVALID_INPUT');
    expect(await refusedWith(upload(editor, png, { alt: 'ن'.repeat(501) }))).toBe('MEDIA_TEXT_TOO_LONG');
    expect(await refusedWith(upload(editor, png, { caption: 'ن'.repeat(1001) }))).toBe('MEDIA_TEXT_TOO_LONG');
    expect(await refusedWith(upload(editor, png, { credit: 'ن'.repeat(201) }))).toBe('MEDIA_TEXT_TOO_LONG');
    await expectNothingWritten();
  });

  it('cleans bidi overrides and control characters out of the texts', async () => {
    const png = await gradient(50, 50).png().toBuffer();
    const dto = await upload(editor, png, { alt: 'صورة\u202E\u0000 من\nالقدس', caption: 'e\u0301' });
    expect(dto.alt).toBe('صورة من القدس');
    expect(dto.caption).toBe('\u00e9');
  });

  it('removes the stored files again when the row cannot be written', async () => {
    const png = await gradient(1000, 500).png().toBuffer();
    const ghost = { ...editor, id: 2_000_000_000 };
    await expect(upload(ghost, png)).rejects.toThrow();
    await expectNothingWritten();
  });
});
