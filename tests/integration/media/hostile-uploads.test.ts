import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/media/route';
import { GET } from '@/app/media/[key]/route';
import { closeConnection, type Database } from '@/db/client';
import { media } from '@/db/schema';
import { errorMessage } from '@/i18n';
import type { ErrorCode } from '@/lib/errors';
import { driverName, freshDatabase, tempDir } from '../helpers';
import { cameraJpeg, createUser, filesIn, gradient } from '../media-fixtures';

/*
 * Hostile uploads sent the way a browser sends them: a multipart request to POST /api/media whose
 * file name and claimed type are the sender's to choose. A file is refused with a translated code
 * and leaves no row and no file, or is accepted only as a re-encoded WebP under a key the server
 * made, served with its stored type and nosniff.
 */

const session = vi.hoisted(() => ({ actor: null as { id: number; role: 'admin' | 'editor' | 'reviewer' } | null }));
vi.mock('@/lib/server/next/session', () => ({ getCurrentUser: async () => session.actor }));

const SITE = 'http://midad.test';
const KEY_FILES = /^[0-9a-f]{32}(?:-(?:480|960))?\.webp$/;

let db: Database;
let root: string;
let mediaDir: string;
const previousMediaDir = process.env.MEDIA_DIR;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  session.actor = await createUser(db, 'editor');
});
afterAll(async () => {
  if (previousMediaDir === undefined) delete process.env.MEDIA_DIR;
  else process.env.MEDIA_DIR = previousMediaDir;
  await closeConnection();
});
beforeEach(async () => {
  // Each test starts from an empty library in a directory of its own, so "nothing was written"
  // and "nothing was written outside it" can both be checked exactly.
  await db.delete(media);
  root = tempDir('midad-hostile-uploads-');
  mediaDir = path.join(root, 'media');
  process.env.MEDIA_DIR = mediaDir;
});

interface Part {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  type?: string;
}

/** A multipart body written byte for byte, so a file name reaches the server exactly as given (NUL and all). */
function multipart(parts: Part[]): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `midad-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    // Quotes and line breaks are escaped the way browsers escape them; every other byte is sent as is.
    if (part.filename !== undefined) head += `; filename="${part.filename.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
    head += '\r\n';
    if (part.type !== undefined) head += `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/form-data; boundary=${boundary}` };
}

function uploadRequest(file: { data: Uint8Array; filename: string; type: string }, headers: Record<string, string> = {}): Request {
  const { body, contentType } = multipart([
    { name: 'file', value: file.data, filename: file.filename, type: file.type },
    { name: 'alt', value: 'وصف الصورة' },
  ]);
  return new Request(`${SITE}/api/media`, {
    method: 'POST',
    headers: { origin: SITE, host: 'midad.test', 'content-type': contentType, ...headers },
    body,
  });
}

async function post(request: Request): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await POST(request);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const serve = (key: string) => GET(new Request(`${SITE}/media/${key}`), { params: Promise.resolve({ key }) });

async function expectRefused(outcome: { status: number; json: Record<string, unknown> }, status: number, code: ErrorCode) {
  expect(outcome.status).toBe(status);
  // The desk shows the server's translated sentence, never a raw exception.
  expect(outcome.json).toMatchObject({ error: code, message: errorMessage(code) });
  expect((await db.select({ n: count() }).from(media))[0]!.n).toBe(0);
  expect(filesIn(root)).toEqual([]);
}

/** A GIF89a whose bytes are also a script that calls alert and sets a global (see the test). */
function gifScriptPolyglot(): Buffer {
  const script = Buffer.from('*/alert(1);top.__midadXss=1//', 'latin1');
  return Buffer.concat([
    // "GIF89a=\t1\n" is the header and a JavaScript assignment; the logical screen size is whatever
    // those bytes spell. "/*" opens a comment that hides the binary header from the script.
    Buffer.from('GIF89a=\t1\n/*\u0000', 'latin1'),
    // A comment extension whose text closes the script comment, runs the code and comments out the rest.
    Buffer.from([0x21, 0xfe, script.length]),
    script,
    Buffer.from([0x00]),
    // One black-and-white pixel with its own colour table, then the trailer; no line breaks, so
    // the script's final // comment runs to the end of the file.
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x80, 0, 0, 0, 0xff, 0xff, 0xff, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]),
  ]);
}

/** What running `bytes` as a script does: which alerts it raised and the globals it set, or that it is not a script. */
function runAsScript(bytes: Uint8Array): { alerts: unknown[]; top: Record<string, unknown> } | 'not a script' {
  const alerts: unknown[] = [];
  const top: Record<string, unknown> = {};
  try {
    vm.runInNewContext(Buffer.from(bytes).toString('latin1'), { alert: (value: unknown) => alerts.push(value), top }, { timeout: 1000 });
  } catch {
    return 'not a script';
  }
  return { alerts, top };
}

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/** A GIF whose single frame declares width × height pixels but carries one. */
function gifDeclaring(width: number, height: number): Buffer {
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'), ...le16(width), ...le16(height), 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff,
    0x2c, 0, 0, 0, 0, ...le16(width), ...le16(height), 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
  ]);
}

/** A lossy WebP whose VP8 frame header is rewritten to declare width × height pixels. */
async function webpDeclaring(width: number, height: number): Promise<Buffer> {
  const webp = Buffer.from(await gradient(16, 16).webp().toBuffer());
  // RIFF header (12 bytes), then the "VP8 " chunk: id, size, a 3-byte frame tag and the start code.
  if (webp.toString('latin1', 12, 16) !== 'VP8 ' || webp.readUIntBE(23, 3) !== 0x9d012a) throw new Error('expected a simple lossy WebP');
  webp.writeUInt16LE(width & 0x3fff, 26);
  webp.writeUInt16LE(height & 0x3fff, 28);
  return webp;
}

describe(`file names and claimed types in upload requests on ${driverName}`, () => {
  const names = [
    '../../../../etc/passwd.jpg',
    '..\\..\\windows\\win.ini.jpg',
    'x.php.jpg',
    'shell.php',
    'a\u0000b.jpg',
    '\u202Egpj.exe',
    `${'ن'.repeat(300)}.jpg`,
    'page.html',
    '"><img src=x onerror=alert(1)>.svg',
    '/tmp/midad-upload.jpg',
  ];

  it('are ignored: each image is stored as WebP under a key the server made, and served as image/webp with nosniff', async () => {
    const jpeg = await cameraJpeg(640, 480);
    const types = ['text/html', 'image/svg+xml', 'application/x-php', 'application/javascript', 'image/jpeg'];
    const keys: string[] = [];
    for (const [i, filename] of names.entries()) {
      const { status, json } = await post(uploadRequest({ data: jpeg, filename, type: types[i % types.length]! }));
      expect(status, filename).toBe(201);
      const uploaded = json.value as { id: number; src: string; mime: string };
      expect(uploaded.mime).toBe('image/webp');
      expect(uploaded.src).toMatch(/^\/media\/[0-9a-f]{32}$/);
      const key = uploaded.src.slice('/media/'.length);
      keys.push(key);

      // Nothing the sender named reaches the row: not the name, not its extension, not the type.
      const [row] = await db.select().from(media).where(eq(media.id, uploaded.id));
      expect(row).toMatchObject({ storageKey: key, mime: 'image/webp' });
      const recorded = JSON.stringify(row);
      for (const fragment of ['passwd', 'win.ini', 'php', 'gpj', 'exe', 'ن'.repeat(20), 'html', 'svg', 'onerror', 'tmp', 'javascript']) {
        expect(recorded, filename).not.toContain(fragment);
      }

      const served = await serve(key);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('webp');
    }
    // Only key-named WebP files, all inside the media directory: no name escaped it or was kept.
    expect(new Set(keys).size).toBe(names.length);
    const stored = filesIn(root);
    expect(stored).toHaveLength(names.length * 2);
    for (const file of stored) expect(file.startsWith(`media${path.sep}`) && KEY_FILES.test(path.basename(file)), file).toBe(true);
    expect(fs.existsSync('/tmp/midad-upload.jpg')).toBe(false);
  });
});

describe(`hostile files behind innocent names on ${driverName}`, () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string, string, number, ErrorCode]>([
    ['HTML renamed .jpg', () => Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'photo.jpg', 'image/jpeg', 400, 'MEDIA_NOT_IMAGE'],
    ['an SVG with a script renamed .png', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'chart.png', 'image/png', 400, 'MEDIA_NOT_IMAGE'],
    ['an SVG sent as what it is', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml', 400, 'MEDIA_NOT_IMAGE'],
    ['PHP behind a JPEG signature', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php system($_GET["c"]); ?>')]), 'x.php.jpg', 'image/jpeg', 400, 'MEDIA_NOT_IMAGE'],
    ['the classic GIF/JavaScript polyglot (GIF89a/*)', () => Buffer.concat([Buffer.from('GIF89a/*'), Buffer.alloc(12), Buffer.from('*/=alert(1);')]), 'a.gif', 'image/gif', 400, 'MEDIA_NOT_IMAGE'],
    ['a GIF frame declaring 50 000 × 50 000 pixels', () => gifDeclaring(50_000, 50_000), 'flood.gif', 'image/gif', 400, 'MEDIA_TOO_MANY_PIXELS'],
    ['a GIF frame declaring 10 000 × 6 000 pixels', () => gifDeclaring(10_000, 6_000), 'flood.gif', 'image/gif', 400, 'MEDIA_TOO_MANY_PIXELS'],
    ['a WebP frame declaring 16 383 × 16 383 pixels', () => webpDeclaring(16_383, 16_383), 'flood.webp', 'image/webp', 400, 'MEDIA_TOO_MANY_PIXELS'],
  ])('refuses %s with a translated code and writes nothing', async (_name, make, filename, type, status, code) => {
    await expectRefused(await post(uploadRequest({ data: await make(), filename, type })), status, code);
  });

  it('refuses a request over 12 MB from its declared length, before reading it', async () => {
    const request = uploadRequest({ data: await gradient(32, 32).png().toBuffer(), filename: 'big.png', type: 'image/png' }, { 'content-length': String(13 * 1024 * 1024) });
    await expectRefused(await post(request), 413, 'MEDIA_TOO_LARGE');
  });

  it('refuses a request with no file part, or with text where the file should be', async () => {
    for (const parts of [[{ name: 'alt', value: 'وصف' }], [{ name: 'file', value: '<script>alert(1)</script>' }, { name: 'alt', value: 'وصف' }]]) {
      const { body, contentType } = multipart(parts);
      const request = new Request(`${SITE}/api/media`, { method: 'POST', headers: { origin: SITE, host: 'midad.test', 'content-type': contentType }, body });
      await expectRefused(await post(request), 400, 'MEDIA_NOT_IMAGE');
    }
  });

  it('refuses a body that is not multipart at all', async () => {
    const request = new Request(`${SITE}/api/media`, {
      method: 'POST',
      headers: { origin: SITE, host: 'midad.test', 'content-type': 'multipart/form-data; boundary=x' },
      body: '<html><script>alert(1)</script></html>',
    });
    await expectRefused(await post(request), 400, 'INVALID_INPUT');
  });
});

describe(`a valid GIF that is also a script on ${driverName}`, () => {
  it('is stored only as a re-encoded WebP that no longer runs, served as image/webp with nosniff', async () => {
    const polyglot = gifScriptPolyglot();
    // The fixture really is both: an image decoders read as a GIF, and a script that runs.
    expect((await sharp(polyglot).metadata()).format).toBe('gif');
    expect(runAsScript(polyglot)).toEqual({ alerts: [1], top: { __midadXss: 1 } });

    const { status, json } = await post(uploadRequest({ data: polyglot, filename: 'payload.js', type: 'application/javascript' }));
    expect(status).toBe(201);
    const key = (json.value as { src: string }).src.slice('/media/'.length);
    const stored = filesIn(root);
    expect(stored.length).toBeGreaterThan(0);
    for (const file of stored) {
      expect(KEY_FILES.test(path.basename(file))).toBe(true);
      const bytes = fs.readFileSync(path.join(root, file));
      expect((await sharp(bytes).metadata()).format).toBe('webp');
      expect(bytes.includes('alert')).toBe(false);
      const run = runAsScript(bytes);
      expect(run === 'not a script' || run.alerts.length === 0).toBe(true);
    }
    const served = await serve(key);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await served.arrayBuffer()).includes('alert')).toBe(false);
  });
});
