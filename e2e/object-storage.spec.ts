import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from './fixtures';
import { createPostgres, postgresUnavailable, startApp, type AppServer, type PostgresServer } from './processes';
import { s3ServiceUnavailable, s3Settings, startS3Service, type S3Service } from './s3-service';
import { deskAt, editorBox, expectSaved, unique } from './support';

/*
 * Media in object storage (MEDIA_STORAGE=s3): two `next start` processes of the same build on one
 * PostgreSQL database keep images in one S3 bucket — OpenStack Swift with s3api, owned by the
 * test. An image an editor uploads through one node is stored in the bucket, not on that node's
 * disk, and both nodes serve it with the same bytes and headers, so any node behind a load
 * balancer can answer for any image. The test owns its PostgreSQL server, Swift and both nodes,
 * and stops them by PID.
 */

test.describe.configure({ mode: 'serial' });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const PREFIX = 'e2e';
/** Starting a database, Swift, two servers and a browser takes minutes on a busy 2-core machine. */
const STORAGE_TEST_MS = 600_000;

let pg: PostgresServer | undefined;
let s3: S3Service | undefined;
let nodeA: AppServer | undefined;
let nodeB: AppServer | undefined;
let mediaDir: string | undefined;

test.beforeAll(async () => {
  const unavailable = postgresUnavailable() ?? s3ServiceUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(STORAGE_TEST_MS);
  pg = createPostgres(BASE_PORT);
  s3 = await startS3Service(BASE_PORT + 1);
  // A local media directory the nodes must leave empty: the bucket is where images go.
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-e2e-media-'));
  const settings = {
    MEDIA_DIR: mediaDir,
    ...s3Settings(s3, PREFIX),
  };
  const database = { databaseUrl: pg.databaseUrl };
  nodeA = await startApp(BASE_PORT + 2, database, true, settings);
  nodeB = await startApp(BASE_PORT + 3, database, false, settings);
});

test.afterAll(async () => {
  test.setTimeout(STORAGE_TEST_MS);
  await nodeA?.stop();
  await nodeB?.stop();
  await s3?.stop();
  pg?.destroy();
  if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true });
});

/** The bucket as the test reads it, apart from the app. */
function bucketClient(service: S3Service): S3Client {
  return new S3Client({
    endpoint: service.endpoint,
    region: service.region,
    forcePathStyle: true,
    credentials: { accessKeyId: service.accessKeyId, secretAccessKey: service.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

test('an image uploaded through one node is kept in the bucket and served by both nodes', async ({ browser }) => {
  test.setTimeout(STORAGE_TEST_MS);
  const a = nodeA!;
  const b = nodeB!;
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();
  const alt = 'منصة المؤتمر الصحفي قبل بدئه';

  // The editor writes a story on node A and puts an image in its body.
  const editor = await deskAt(browser, a.url, 'editor');
  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(unique('خبر بصورة في الحاوية'));
  await editor.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  await editorBox(editor).click();
  await editor.keyboard.insertText('فقرة قبل الصورة.');
  await editor.getByRole('button', { name: /^صورة/ }).click();
  const picker = editor.getByRole('dialog', { name: 'رفع صورة' });
  await picker.getByLabel('ملف الصورة').setInputFiles({ name: 'platform.png', mimeType: 'image/png', buffer: png });
  await picker.getByLabel('النص البديل').fill(alt);
  await picker.getByRole('button', { name: 'إدراج الصورة' }).click();
  await expect(picker).toHaveCount(0);
  const image = editorBox(editor).getByRole('img', { name: alt });
  await expect(image).toBeVisible();
  const src = (await image.getAttribute('src'))!;
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}$/);
  const key = src.slice('/media/'.length);
  // Shown in node A's editor, read back from the bucket (whichever width its srcset picked).
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  await expectSaved(editor);
  const deskPath = new URL(editor.url()).pathname;

  // In the bucket under the prefix, and not on node A's disk.
  const client = bucketClient(s3!);
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3!.bucket, Prefix: `${PREFIX}/${key}` }));
    expect(listed.Contents?.map((object) => object.Key).sort()).toEqual([`${PREFIX}/${key}-480.webp`, `${PREFIX}/${key}-960.webp`, `${PREFIX}/${key}.webp`]);
    expect(fs.readdirSync(mediaDir!)).toEqual([]);
    const stored = Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: s3!.bucket, Key: `${PREFIX}/${key}.webp` }))).Body!.transformToByteArray());

    // Both nodes answer with the stored bytes and the headers of any Midad image.
    for (const node of [a, b]) {
      for (const [variant, width] of [[src, 1200], [`${src}-480`, 480]] as const) {
        const response = await fetch(`${node.url}${variant}`);
        expect(response.status, `${node.url}${variant}`).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/webp');
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        const body = Buffer.from(await response.arrayBuffer());
        if (variant === src) expect(body.equals(stored), `${node.url}${variant}`).toBe(true);
        expect((await sharp(body).metadata()).width).toBe(width);
      }
    }
  } finally {
    client.destroy();
  }

  // The same story opened on node B shows the image, loaded from node B.
  const other = await deskAt(browser, b.url, 'editor');
  await other.goto(deskPath);
  const shown = editorBox(other).getByRole('img', { name: alt });
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
  expect(new URL(await shown.evaluate((img) => (img as HTMLImageElement).currentSrc)).origin).toBe(b.url);
  await editor.context().close();
  await other.context().close();
});
