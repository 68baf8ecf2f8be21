/*
 * The WordPress import at archive scale: a generated export of BENCH_IMPORT_POSTS posts (10 000 by
 * default; Arabic bodies from the fixture story in both editors' styles, categories and tags, no
 * images) imported by a process of its own into the PostgreSQL database named by
 * BENCH_IMPORT_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/midad_import, wiped first),
 * as a newsroom with a large archive would run it. Reports posts per second and the importing
 * process's peak memory beside the export's size.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fixture from '../../db/seed-data/quds-day-article.json' with { type: 'json' };
import { ensureDatabase, redactUrl, resetDatabase } from './postgres';

export interface ImportReportFigures {
  database: string;
  posts: number;
  failed: number;
  seconds: number;
  postsPerSecond: number;
  peakRssBytes: number;
  exportBytes: number;
}

export type ImportOutcome = { ran: true; report: ImportReportFigures } | { ran: false; reason: string };

const CATEGORIES = ['فلسطين', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة'];
const TAGS = ['القدس', 'غزة', 'الضفة', 'الاقتصاد', 'الرياضة', 'المؤتمر', 'الانتفاضة', 'الثقافة'];
const encode = (text: string) => encodeURIComponent(text.replace(/\s+/g, '-')).toLowerCase();

/** Writes the export as a stream: the generator never holds it whole either. */
async function writeExport(file: string, posts: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example.org</wp:base_site_url><wp:base_blog_url>https://bench.example.org</wp:base_blog_url>\n<wp:author><wp:author_login>desk</wp:author_login><wp:author_email>desk@bench.example.org</wp:author_email><wp:author_display_name><![CDATA[غرفة الأخبار]]></wp:author_display_name></wp:author>\n`);
  for (const [i, name] of CATEGORIES.entries()) await write(`<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${encode(name)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[${name}]]></wp:cat_name></wp:category>\n`);
  for (const [i, name] of TAGS.entries()) await write(`<wp:tag><wp:term_id>${i + 100}</wp:term_id><wp:tag_slug>${encode(name)}</wp:tag_slug><wp:tag_name><![CDATA[${name}]]></wp:tag_name></wp:tag>\n`);
  const paragraphs = fixture.paragraphs;
  for (let n = 1; n <= posts; n++) {
    const title = `${fixture.title} ${n}`;
    const count = 4 + (n % 6);
    const chosen = Array.from({ length: count }, (_, k) => paragraphs[(n + k) % paragraphs.length]!);
    // Half in the block editor's markup, half as the classic editor stores text.
    const body =
      n % 2
        ? chosen.map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`).join('\n\n')
        : `${chosen.join('\n\n')}\n\n<h3>خلفية</h3>\n<ul>\n<li>${fixture.tags[0]}</li>\n<li>${fixture.tags[1]}</li>\n</ul>`;
    const day = new Date(Date.UTC(2015, 0, 1) + n * 3_600_000 * 7);
    const gmt = day.toISOString().slice(0, 19).replace('T', ' ');
    const category = CATEGORIES[n % CATEGORIES.length]!;
    const tag = TAGS[n % TAGS.length]!;
    // As WordPress stores it: cut at 200 encoded characters, then made unique with a suffix.
    const slug = `${encode(fixture.title).slice(0, 190).replace(/%[0-9a-f]?$/, '')}-${n}`;
    await write(
      `<item><title><![CDATA[${title}]]></title><link>https://bench.example.org/${gmt.slice(0, 10).replaceAll('-', '/')}/${slug}/</link><dc:creator>desk</dc:creator>` +
        `<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[${fixture.summary}]]></excerpt:encoded>` +
        `<wp:post_id>${n}</wp:post_id><wp:post_date>${gmt}</wp:post_date><wp:post_date_gmt>${gmt}</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name>` +
        `<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>` +
        `<category domain="category" nicename="${encode(category)}"><![CDATA[${category}]]></category><category domain="post_tag" nicename="${encode(tag)}"><![CDATA[${tag}]]></category></item>\n`,
    );
  }
  await write('</channel></rss>\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const DEFAULT_IMPORT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/midad_import';

/** Throws PostgresUnavailable (the run then skips the import and says why) without PostgreSQL. */
export async function runImportBenchmark(log: (line: string) => void): Promise<ImportReportFigures> {
  const posts = Number(process.env.BENCH_IMPORT_POSTS ?? 10_000);
  const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? DEFAULT_IMPORT_DATABASE_URL;
  await ensureDatabase(databaseUrl);
  await resetDatabase(databaseUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-import-'));
  try {
    const file = path.join(dir, 'export.xml');
    log(`writing an export of ${posts} posts`);
    await writeExport(file, posts);
    const exportBytes = fs.statSync(file).size;
    log(`importing it (${(exportBytes / 1024 / 1024).toFixed(1)} MiB) into ${redactUrl(databaseUrl)}`);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/bench/import-run.ts', file, path.join(dir, 'pglite')], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, BENCH_IMPORT_DATABASE_URL: databaseUrl },
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`the import exited with ${code}`))));
    });
    const figures = JSON.parse(output.trim().split('\n').at(-1)!) as Omit<ImportReportFigures, 'postsPerSecond' | 'exportBytes' | 'database'>;
    return { ...figures, database: redactUrl(databaseUrl), postsPerSecond: figures.posts / figures.seconds, exportBytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
