import { describe, expect, it } from 'vitest';
import type { PublicChange } from './desk-flow';
import { renderBenchmarksPage, type BenchRun } from './markdown';
import type { PageWeight } from './page-weight';
import type { PagesReport } from './pages-benchmark';
import type { SearchRow } from './search-benchmark';
import type { LoadRun } from './throughput';

function load(name: string, requestsPerSecond: number, p50: number, p99: number, failures: Partial<Pick<LoadRun, 'errors' | 'timeouts' | 'non2xx'>> = {}): LoadRun {
  return {
    name,
    url: `http://127.0.0.1:3500/${name}`,
    connections: 32,
    seconds: 10,
    requestsPerSecond,
    totalRequests: requestsPerSecond * 10,
    latencyMs: { p50, p90: p99 - 1, p99, max: p99 + 20, mean: p50 + 1 },
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodes: { 200: requestsPerSecond * 10 },
    bytesPerRequest: 10_000,
    ...failures,
  };
}

function weight(name: string, jsGzip: number, htmlRaw = 9_600): PageWeight {
  return {
    name,
    path: `/${name}`,
    status: 200,
    html: { raw: htmlRaw, gzip: htmlRaw / 4 },
    js: { raw: jsGzip * 3.3, gzip: jsGzip, files: 9 },
    inlineJs: { raw: 20_000, gzip: 5 * 1024, scripts: 6 },
    css: { raw: 40_000, gzip: 8.7 * 1024, files: 1 },
    files: [],
  };
}

const change = (action: PublicChange['action'], pressToVisibleMs: number, pressToConfirmMs: number): PublicChange => ({
  action,
  pressToVisibleMs,
  confirmToVisibleMs: Math.max(0, pressToVisibleMs - pressToConfirmMs),
  pressToConfirmMs,
});

function searchRow(stories: number, kind: SearchRow['kind'], p50: number, p95: number): SearchRow {
  return { stories, kind, queries: 200, p50, p95, meanHits: 996 };
}

const build = (documents: number) => ({
  insertMs: 1000,
  indexMs: 2000,
  documents,
  tableBytes: 800 * 2 ** 20,
  documentIndexBytes: 135 * 2 ** 20,
  lexiconWords: 52_000,
  lexiconBytes: 12 * 2 ** 20,
  totalBytes: 1024 * 2 ** 20,
});

function pagesReport(): PagesReport {
  return {
    when: '2026-11-25T10:10:00.000Z',
    machine: { cpus: 2, cpuModel: 'AMD EPYC 7B13', memoryGiB: 8, node: 'v20.20.2', platform: 'Linux 6.1.0' },
    build: { distDir: '.next-bench', seconds: 15 },
    server: { origin: 'http://127.0.0.1:3500', database: 'PGlite in .data/bench-pages' },
    paths: { empty: '/bench/empty', article: '/articles/x', home: '/', section: '/sections/s', tag: '/tags/t', author: '/authors/1', search: '/search?q=x', desk: '/desk/articles/9' },
    connections: 32,
    settings: { seconds: 10, warmupSeconds: 3, publishRounds: 5, loadedPublishRounds: 3, saves: 20, saveWords: 2000 },
    throughput: {
      empty: load('empty page', 2579, 11, 30),
      memory: load('article HTML from memory', 7442, 3, 9),
      article: load('article page', 1362, 22, 53),
      home: load('home page', 226, 135, 247),
      search: load('search', 144, 216, 495),
      apiList: load('API article list', 1800, 17, 41),
      apiArticle: load('API article', 2100, 15, 38),
    },
    weights: [weight('empty', 157.8 * 1024), weight('article', 157.8 * 1024, 60_000), weight('home', 160 * 1024), weight('desk editor', 306 * 1024)],
    publish: {
      quiet: [change('publish', 90, 60), change('unpublish', 97, 70), change('publish', 154, 80), change('unpublish', 100, 75)],
      underLoad: [change('publish', 605, 1300), change('unpublish', 700, 650)],
      readersDuringWrites: load('article page while publishing', 1502, 20, 57),
    },
    saves: {
      words: 2000,
      saves: 20,
      clickToSavedMs: { p50: 55, p95: 70, max: 90 },
      requestMs: { p50: 39, p95: 49, max: 60 },
      requestBytes: 31 * 1024,
    },
    seconds: 165,
  };
}

function run(overrides: Partial<BenchRun> = {}): BenchRun {
  return {
    when: '2026-11-25T10:04:30.000Z',
    seconds: 380,
    machine: { ...pagesReport().machine, loadAverage: { start: 1.2, end: 1.9 } },
    pages: pagesReport(),
    search: {
      ran: true,
      report: {
        database: 'postgres://postgres@127.0.0.1:5432/midad_search',
        serverVersion: '15.14',
        vocabulary: 30_000,
        warmup: 20,
        builds: { 10000: build(10_000), 100000: build(100_000) },
        results: [
          searchRow(10_000, 'one word', 1.5, 4.2),
          searchRow(100_000, 'one word', 12.5, 29.5),
          searchRow(100_000, 'phrase', 3.9, 78),
          searchRow(100_000, 'one common word', 67.7, 103.7),
        ],
      },
    },
    ...overrides,
  };
}

/** The cells of the table row whose first cell is `first`, under the heading that contains `heading`. */
function rowOf(page: string, heading: string, first: string): string[] {
  const section = page.slice(page.indexOf(heading));
  const line = section.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (!line) throw new Error(`no row «${first}» under «${heading}»`);
  return line.slice(2, -2).split(' | ');
}

describe('renderBenchmarksPage', () => {
  it('says when, on what machine and with which sizes the run measured', () => {
    const page = renderBenchmarksPage(run());
    expect(page).toMatch(/^# Benchmarks\n/);
    expect(page).toContain('## The run of 2026-11-25, 10:04 UTC');
    expect(page).toContain('2 cores (AMD EPYC 7B13), 8 GiB of memory, Node 20.20.2, Linux 6.1.0');
    expect(page).toContain('search on PostgreSQL 15.14');
    expect(page).toContain('The load average was 1.2 when the run began and 1.9 when it ended.');
    expect(page).toContain('The run took 6 min 20 s: 15 s of build, 2 min 30 s of pages, 3 min 35 s of search.');
    expect(page).toContain('autocannon, 32 connections, 3 s of');
    expect(page).toContain('5 rounds on a quiet server, the story\n  going back through review between them, then 3 more rounds while 32 connections read');
    expect(page).toContain('No load run had an error, a timeout or a non-2xx answer.');
  });

  it("gives each page's rate as a share of the empty page's and of the memory ceiling's", () => {
    const page = renderBenchmarksPage(run());
    expect(rowOf(page, '### Pages', 'article page')).toEqual([
      'article page',
      '1 362',
      '53%',
      '18%',
      '22',
      '53',
      '≥ 80% of empty: **not met**; p99 < 50 ms: **not met**',
    ]);
    expect(rowOf(page, '### Pages', 'empty page (reference)').slice(1, 4)).toEqual(['2 579', '100%', '35%']);
    expect(rowOf(page, '### Pages', 'home page').slice(2, 4)).toEqual(['9%', '3%']);
    expect(rowOf(page, '### Pages', 'API article list (`/api/v1/articles`)').slice(1, 6)).toEqual(['1 800', '70%', '24%', '17', '41']);
    expect(rowOf(page, '### Pages', 'API article (`/api/v1/articles/<slug>`)').slice(1, 6)).toEqual(['2 100', '81%', '28%', '15', '38']);
    // A run from before the content API was measured has no such rows.
    const older = run();
    delete older.pages.throughput.apiList;
    delete older.pages.throughput.apiArticle;
    expect(renderBenchmarksPage(older)).not.toContain('/api/v1');
    expect(page).toContain('took the story down 3 times, the article page served\n1 502 requests/s (110% of its rate alone), p99 57 ms');
  });

  it('marks the article targets met when the run met them', () => {
    const fast = run();
    fast.pages.throughput.article = load('article page', 2200, 15, 40);
    expect(rowOf(renderBenchmarksPage(fast), '### Pages', 'article page')[6]).toBe('≥ 80% of empty: met; p99 < 50 ms: met');
  });

  it("weighs each page's scripts against the empty page's and the article against its budget", () => {
    const page = renderBenchmarksPage(run());
    expect(rowOf(page, '### Bytes', 'article page')).toEqual(['article page', '157.8', '+0.0', `${((157.8 * 1024 * 3.3) / 1024).toFixed(1)} (9)`, '5.0', '8.7', '≤ empty + 15.0: met']);
    expect(rowOf(page, '### Bytes', 'desk editor page').slice(1, 3)).toEqual(['306.0', '+148.2']);

    const heavy = run();
    heavy.pages.weights[1] = weight('article', 180 * 1024);
    expect(rowOf(renderBenchmarksPage(heavy), '### Bytes', 'article page')[6]).toBe('≤ empty + 15.0: **not met**');
  });

  it('times publications from the press and from the desk confirming, and fails a change readers never saw', () => {
    const page = renderBenchmarksPage(run());
    expect(rowOf(page, '### From «نشر»', '«نشر» → 200 with the title')).toEqual([
      '«نشر» → 200 with the title',
      'none',
      '2',
      '90 · 154',
      '60',
      '74',
      '≤ 1 s after the desk confirmed: met',
    ]);

    const missed = run();
    missed.pages.publish.quiet[1] = { action: 'unpublish', pressToVisibleMs: null, confirmToVisibleMs: null, pressToConfirmMs: 70 };
    const row = rowOf(renderBenchmarksPage(missed), '### From «نشر»', '«إلغاء النشر» → 404');
    expect(row.slice(5)).toEqual(['not seen 1×', '≤ 1 s after the desk confirmed: **not met**']);
  });

  it('names the kinds of search that miss their target, and why', () => {
    const page = renderBenchmarksPage(run());
    expect(page).toContain('## Search at 10k and 100k stories');
    expect(rowOf(page, '## Search', '100k')).toEqual(['100k', 'one word', '12.5', '29.5', '996', 'met']);
    expect(page).toMatch(/At 100k stories, «phrase» and «one common word» miss the 50 ms target at p95: a phrase re-reads/);
    expect(page).toContain('12.5 ms at p50 for a one-word search at 100k stories');

    const slower = run();
    if (!slower.search.ran) throw new Error('fixture');
    slower.search.report.results.push(searchRow(100_000, 'two words', 40, 60));
    expect(renderBenchmarksPage(slower)).toContain('«phrase», «one common word» and «two words» miss the 50 ms target');

    const quick = run();
    if (!quick.search.ran) throw new Error('fixture');
    quick.search.report.results = quick.search.report.results.filter((r) => r.kind === 'one word');
    expect(renderBenchmarksPage(quick)).toContain('At 100k stories every kind of query meets the 50 ms target at p95.');
  });

  it('says why search was not measured when it was skipped', () => {
    const page = renderBenchmarksPage(run({ search: { ran: false, reason: 'PostgreSQL unreachable at postgres://postgres@127.0.0.1:5432/midad_search (ECONNREFUSED)' } }));
    expect(page).toContain('Search was not measured in this run: PostgreSQL unreachable at');
    expect(page).toContain('the pages on PGlite; search not run.');
    expect(page).not.toContain('of search.');
    expect(page).not.toContain('for a one-word search');
  });

  it('reports failed requests and a busy machine', () => {
    const rough = run({ machine: { ...run().machine, loadAverage: { start: 14.2, end: 12.8 } } });
    rough.pages.throughput.home = load('home page', 226, 135, 247, { timeouts: 3 });
    const page = renderBenchmarksPage(rough);
    expect(page).toContain('**Some load runs had failures**: home page 0 errors, 3 timeouts, 0 non-2xx.');
    expect(page).toContain('The machine was not idle: a load average above its 2 cores');
    expect(renderBenchmarksPage(run())).toContain("The load average stayed within the machine's 2 cores.");
  });

  it('writes well-formed tables and no missing figure', () => {
    for (const page of [renderBenchmarksPage(run()), renderBenchmarksPage(run({ search: { ran: false, reason: 'none here' } }))]) {
      expect(page).not.toMatch(/undefined|NaN|Infinity|\[object/);
      const lines = page.split('\n');
      for (const [i, line] of lines.entries()) {
        if (!line.startsWith('|---')) continue;
        const columns = lines[i - 1]!.split(' | ').length;
        for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(lines[j]!.split(' | ').length, lines[j]).toBe(columns);
      }
    }
  });

  it('reports the WordPress import beside the export it read, or why it was not measured', () => {
    const report = { database: 'postgres://postgres@127.0.0.1:5432/midad_import', posts: 10_000, failed: 0, seconds: 400, postsPerSecond: 25, peakRssBytes: 250 * 1024 * 1024, exportBytes: 40 * 1024 * 1024 };
    const page = renderBenchmarksPage(run({ wordpress: { ran: true, report } }));
    expect(rowOf(page, '## WordPress import', '10 000')).toEqual(['10 000', '6 min 40 s', '25.0', '250.0 MiB (6.3× the export)', '0']);
    expect(renderBenchmarksPage(run({ wordpress: { ran: false, reason: 'PostgreSQL unreachable' } }))).toContain('The import was not measured in this run: PostgreSQL unreachable.');
    expect(renderBenchmarksPage(run())).not.toContain('WordPress import');
  });
});
