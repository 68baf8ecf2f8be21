/* The benchmark's one table: every figure, what it compares with, and the targets beside them. */
import type { PublicChange } from './desk-flow';
import { mib, percentile } from './figures';
import type { PagesReport } from './pages-benchmark';
import type { ImportOutcome } from './import-benchmark';
import type { SearchReport } from './search-benchmark';
import type { LoadRun } from './throughput';

/** docs/product.md §8 and the performance budget. */
export const TARGETS = {
  /** The article page serves at least this share of the empty page's requests per second. */
  articleShareOfEmpty: 0.8,
  /** p99 latency of the article page at the benchmark's connections. */
  articleP99Ms: 50,
  /** Script bytes (gzip) the article page may add to the empty page's. */
  articleJsOverEmptyBytes: 15 * 1024,
  /** Readers see a publication or an unpublication within this time of the desk confirming it. */
  publicRefreshMs: 1000,
  /** p95 latency of a reader's search (docs/search.md §8). */
  searchP95Ms: 50,
};

export const HEADER = ['area', 'measure', 'result', 'compared with', 'target'];

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;
const share = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const ms = (value: number) => `${Math.round(value)}`;

function failures(run: LoadRun): string {
  const failed = run.errors + run.timeouts + run.non2xx;
  return failed === 0 ? '0 failed' : `FAILED: ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx`;
}

const loadResult = (run: LoadRun) =>
  `${Math.round(run.requestsPerSecond)} req/s · p50 ${run.latencyMs.p50} · p99 ${run.latencyMs.p99} ms · ${failures(run)}`;

function changeRow(area: string, label: string, changes: PublicChange[], action: PublicChange['action']): string[] {
  const of = changes.filter((c) => c.action === action);
  const seen = of.map((c) => c.pressToVisibleMs).filter((v): v is number => v !== null);
  const afterConfirm = of.map((c) => c.confirmToVisibleMs);
  const missed = afterConfirm.filter((v) => v === null).length;
  const worst = Math.max(...afterConfirm.map((v) => v ?? Infinity));
  const confirm = of.map((c) => c.pressToConfirmMs);
  return [
    area,
    label,
    seen.length ? `median ${ms(percentile(seen, 50))} · max ${ms(Math.max(...seen))} ms from the press (n=${of.length})` : 'never seen',
    `desk confirmed in median ${ms(percentile(confirm, 50))} ms; public ${missed ? `not seen ${missed}×` : `≤ ${ms(worst)} ms after`}`,
    `public ≤ ${TARGETS.publicRefreshMs / 1000} s after confirmed: ${verdict(missed === 0 && worst <= TARGETS.publicRefreshMs)}`,
  ];
}

export function pageRows(report: PagesReport): string[][] {
  const { empty, memory, article, home, search } = report.throughput;
  const rps = (run: LoadRun) => run.requestsPerSecond;
  const area = `load ${report.connections} conn.`;
  const rows: string[][] = [
    ['build', 'next build', report.build.seconds === null ? 'reused' : `${report.build.seconds.toFixed(0)} s`, report.build.distDir, ''],
    [area, 'empty page (prerendered, reference)', loadResult(empty), `${share(rps(empty), rps(memory))} of memory`, ''],
    [area, 'article HTML from memory (ceiling)', loadResult(memory), `${share(rps(memory), rps(empty))} of empty`, ''],
    [
      area,
      'article page',
      loadResult(article),
      `${share(rps(article), rps(empty))} of empty · ${share(rps(article), rps(memory))} of memory`,
      `≥ ${TARGETS.articleShareOfEmpty * 100}% of empty: ${verdict(rps(article) >= TARGETS.articleShareOfEmpty * rps(empty))} · ` +
        `p99 < ${TARGETS.articleP99Ms} ms: ${verdict(article.latencyMs.p99 < TARGETS.articleP99Ms)}`,
    ],
    [area, 'home page', loadResult(home), `${share(rps(home), rps(empty))} of empty · ${share(rps(home), rps(memory))} of memory`, ''],
    [area, 'search page', loadResult(search), `${share(rps(search), rps(empty))} of empty · ${share(rps(search), rps(memory))} of memory`, ''],
  ];
  for (const [label, run] of [
    ['API article list (/api/v1/articles)', report.throughput.apiList],
    ['API article (/api/v1/articles/<slug>)', report.throughput.apiArticle],
  ] as const) {
    if (run) rows.push([area, label, loadResult(run), `${share(rps(run), rps(empty))} of empty · ${share(rps(run), rps(article))} of the article page`, '']);
  }

  const emptyWeight = report.weights.find((w) => w.name === 'empty');
  for (const weight of report.weights) {
    const delta = emptyWeight ? weight.js.gzip - emptyWeight.js.gzip : NaN;
    const isArticle = weight.name === 'article';
    rows.push([
      'bytes (KiB)',
      weight.name === 'empty' ? 'empty page (reference)' : `${weight.name} page`,
      `JS ${kib(weight.js.gzip)} gz / ${kib(weight.js.raw)} raw (${weight.js.files} files) · inline JS ${kib(weight.inlineJs.gzip)} gz · ` +
        `CSS ${kib(weight.css.gzip)} gz / ${kib(weight.css.raw)} raw`,
      weight.name === 'empty' ? '' : `JS ${delta >= 0 ? '+' : ''}${kib(delta)} gz over empty`,
      isArticle ? `JS ≤ empty + ${kib(TARGETS.articleJsOverEmptyBytes)} gz: ${verdict(delta <= TARGETS.articleJsOverEmptyBytes)}` : '',
    ]);
  }

  rows.push(changeRow('publish', '«نشر» → public 200 with title', report.publish.quiet, 'publish'));
  rows.push(changeRow('publish', '«إلغاء النشر» → public 404', report.publish.quiet, 'unpublish'));
  rows.push(changeRow('publish + load', '«نشر» → public, readers reading', report.publish.underLoad, 'publish'));
  rows.push(changeRow('publish + load', '«إلغاء النشر» → 404, readers reading', report.publish.underLoad, 'unpublish'));
  const readers = report.publish.readersDuringWrites;
  rows.push(['publish + load', 'article page while publishing', loadResult(readers), `${share(rps(readers), rps(article))} of article alone`, '']);

  const { saves } = report;
  rows.push([
    'editor',
    `save, ${saves.words.toLocaleString('en')}-word story`,
    `p50 ${ms(saves.clickToSavedMs.p50)} · p95 ${ms(saves.clickToSavedMs.p95)} ms (n=${saves.saves}), click «حفظ» → «محفوظ» shown`,
    `request → response p50 ${ms(saves.requestMs.p50)} · p95 ${ms(saves.requestMs.p95)} ms; ${kib(saves.requestBytes)} KiB sent`,
    '',
  ]);
  return rows;
}

export type SearchOutcome = { ran: true; report: SearchReport } | { ran: false; reason: string };

export function searchRows(outcome: SearchOutcome): string[][] {
  if (!outcome.ran) return [['search (PostgreSQL)', 'search benchmark', `skipped: ${outcome.reason}`, '', '']];
  const rows = outcome.report.results.map((r) => [
    'search (PostgreSQL)',
    `${r.stories / 1000}k stories, ${r.kind}`,
    `p50 ${r.p50.toFixed(1)} · p95 ${r.p95.toFixed(1)} ms (n=${r.queries})`,
    `mean matches ${r.meanHits.toFixed(0)}`,
    `p95 < ${TARGETS.searchP95Ms} ms: ${verdict(r.p95 < TARGETS.searchP95Ms)}`,
  ]);
  for (const [size, build] of Object.entries(outcome.report.builds)) {
    rows.push([
      'search (PostgreSQL)',
      `${Number(size) / 1000}k stories, index size`,
      mib(build.totalBytes),
      `GIN ${mib(build.documentIndexBytes)}, table ${mib(build.tableBytes)}, lexicon ${mib(build.lexiconBytes)}`,
      '',
    ]);
  }
  return rows;
}

export function importRows(outcome: ImportOutcome | undefined): string[][] {
  if (!outcome) return [];
  if (!outcome.ran) return [['WordPress import', 'generated export', `skipped: ${outcome.reason}`, '', '']];
  const r = outcome.report;
  return [
    [
      'WordPress import',
      `${r.posts.toLocaleString('en')} posts (${mib(r.exportBytes)} export)`,
      `${r.postsPerSecond.toFixed(1)} posts/s · ${r.seconds.toFixed(0)} s${r.failed ? ` · ${r.failed} FAILED` : ''}`,
      `peak memory ${mib(r.peakRssBytes)}, ${(r.peakRssBytes / r.exportBytes).toFixed(1)}× the export`,
      '',
    ],
  ];
}
