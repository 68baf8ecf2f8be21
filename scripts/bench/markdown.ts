/*
 * docs/benchmarks.md, written by `npm run bench` from the figures of the run that just ended:
 * what is measured and how, the machine it ran on, the results as tables of ratios between pages
 * measured in that one run, and what limits them. A pure function of the run's results, so the
 * page never states a figure the run did not measure.
 */
import type { PublicChange } from './desk-flow';
import type { ImportOutcome } from './import-benchmark';
import { mib, percentile } from './figures';
import type { PageWeight } from './page-weight';
import type { PagesReport } from './pages-benchmark';
import { TARGETS, type SearchOutcome } from './report';
import type { Kind } from './search-benchmark';
import type { LoadRun } from './throughput';

export interface BenchMachine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** One-minute load average when the run began and when it ended. */
  loadAverage: { start: number; end: number };
}

/** What `npm run bench` measured in one run (also written to bench-results/latest.json). */
export interface BenchRun {
  /** When the run began, ISO 8601. */
  when: string;
  /** The whole run, build included. */
  seconds: number;
  machine: BenchMachine;
  pages: PagesReport;
  search: SearchOutcome;
  /** Absent in runs from before the import was measured. */
  wordpress?: ImportOutcome;
}

// ── formatting ───────────────────────────────────────────────────────────────────────────────

/** 2579 → "2 579": a space between thousands, as in the rest of the docs. */
const whole = (value: number) => Math.round(value).toLocaleString('en').replaceAll(',', ' ');
const oneDecimal = (value: number) => value.toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const signedKib = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kib(Math.abs(bytes))}`;
const share = (part: number, of: number) => (of > 0 && Number.isFinite(part) ? `${Math.round((part / of) * 100)}%` : '—');
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const plural = (n: number, noun: string) => (n === 1 ? noun : `${noun}s`);

/** ['a', 'b', 'c'] → "a, b and c". */
function listed(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function duration(seconds: number): string {
  const total = Math.round(seconds);
  const minutes = Math.floor(total / 60);
  return minutes ? `${minutes} min ${total % 60} s` : `${total} s`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

const failed = (run: LoadRun) => run.errors + run.timeouts + run.non2xx;

// ── sections ─────────────────────────────────────────────────────────────────────────────────

function intro({ pages }: BenchRun): string {
  const s = pages.settings;
  return `# Benchmarks

_Written by \`npm run bench\` from the run below (the template is \`scripts/bench/markdown.ts\`):
every figure on this page was measured in that one run._

\`npm run bench\` measures a production build on the machine it runs on, prints one table, writes
every figure to \`bench-results/latest.json\` and rewrites this page. It needs nothing beyond
\`npm install\`: it builds into \`.next-bench\` (putting back the \`tsconfig.json\` and
\`next-env.d.ts\` a build into another directory rewrites), creates a fresh embedded database in
\`.data/bench-pages\` with the sample content, serves the build with \`next start\` on 127.0.0.1
at the first free port of 3500–3599 with a session secret of its own, and stops every process it
started by its PID — when it ends, fails or is interrupted. It measures:

- **Throughput and latency** with autocannon, ${pages.connections} connections, ${s.warmupSeconds} s of
  warm-up then ${s.seconds} s, of the sample article page, the home page and \`/search?q=القدس\`,
  beside two references from the same run: \`/bench/empty\`, an empty page that only the
  benchmark's build has (\`app/bench/empty/page.bench.tsx\`, a page only when \`BENCH_BUILD=1\`;
  linked from nowhere, never indexed), and the article's own HTML and headers answered from
  memory by a bare Node server in a process of its own — what this machine allows any server.
  Errors, timeouts and non-2xx answers are counted in every run.
- **Page weight**: Chromium, launched as in the browser tests, opens each public page (article,
  home, section, tag, author, search), the desk editor and the empty page with an empty cache;
  the scripts and stylesheets it loads until the network is quiet are summed raw and gzip
  level 9, the HTML's inline scripts apart, and each page's script bytes compared with the empty
  page's.
- **«نشر» to public**: the editor writes and submits a story, the admin approves it and presses
  «نشر» while the bench requests its URL one request after another, until an answer is 200 with
  the title; then «إلغاء النشر» until 404. ${s.publishRounds} ${plural(s.publishRounds, 'round')} on a quiet server, the story
  going back through review between them, then ${s.loadedPublishRounds} more ${plural(s.loadedPublishRounds, 'round')} while ${pages.connections} connections read
  the article page.
- **Saving** a ${whole(s.saveWords)}-word story (the sample story told several times, typed into the
  desk): ${s.saves} saves, each after typing a word, from the click on «حفظ» until «محفوظ» shows
  (timed in the page), and the save request until its response headers.
- **Search** on PostgreSQL: the search benchmark (below), once the server has stopped;
  without a reachable PostgreSQL this page says it was skipped and why.

\`npm run bench:pages\` runs all but search (and writes \`bench-results/pages.json\`);
\`npm run bench:search\` runs search alone; neither rewrites this page. \`BENCH_SKIP_BUILD=1\`
reuses the last benchmark build; \`BENCH_CONNECTIONS\`, \`BENCH_SECONDS\`, \`BENCH_WARMUP_SECONDS\`,
\`BENCH_SAVES\`, \`BENCH_PUBLISH_ROUNDS\` and \`BENCH_LOADED_PUBLISH_ROUNDS\` change the sizes.`;
}

function theRun(run: BenchRun): string {
  const { machine, pages, search } = run;
  const date = `${run.when.slice(0, 10)}, ${run.when.slice(11, 16)} UTC`;
  const build = pages.build.seconds;
  const pagesOnly = pages.seconds - (build ?? 0);
  const searchSeconds = Math.max(0, run.seconds - pages.seconds);
  const where = search.ran ? `the pages on PGlite, search on PostgreSQL ${search.report.serverVersion}` : 'the pages on PGlite; search not run';
  const loads = [...Object.values(pages.throughput), pages.publish.readersDuringWrites];
  const failing = loads.filter((load) => failed(load) > 0);
  const failures = failing.length
    ? `**Some load runs had failures**: ${failing.map((l) => `${l.name} ${l.errors} errors, ${l.timeouts} timeouts, ${l.non2xx} non-2xx`).join('; ')}.`
    : 'No load run had an error, a timeout or a non-2xx answer.';
  return `## The run of ${date}

${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB of memory, Node ${machine.node.replace(/^v/, '')}, ${machine.platform}; ${where}.
The load average was ${machine.loadAverage.start.toFixed(1)} when the run began and ${machine.loadAverage.end.toFixed(1)} when it ended.
The run took ${duration(run.seconds)}: ${build === null ? 'a reused build' : `${duration(build)} of build`}, ${duration(pagesOnly)} of pages${search.ran ? `, ${duration(searchSeconds)} of search` : ''}.
${failures}`;
}

function throughputTable({ pages }: BenchRun): string {
  const { empty, memory, article, home, search } = pages.throughput;
  const rps = (run: LoadRun) => run.requestsPerSecond;
  const row = (label: string, run: LoadRun, target = '') => [
    label,
    whole(rps(run)),
    share(rps(run), rps(empty)),
    share(rps(run), rps(memory)),
    whole(run.latencyMs.p50),
    whole(run.latencyMs.p99),
    target,
  ];
  const articleTarget =
    `≥ ${TARGETS.articleShareOfEmpty * 100}% of empty: ${verdict(rps(article) >= TARGETS.articleShareOfEmpty * rps(empty))}; ` +
    `p99 < ${TARGETS.articleP99Ms} ms: ${verdict(article.latencyMs.p99 < TARGETS.articleP99Ms)}`;
  const readers = pages.publish.readersDuringWrites;
  const rounds = pages.settings.loadedPublishRounds;
  return `### Pages against the empty page, ${pages.connections} connections

${table(
  ['page', 'requests/s', 'of the empty page', 'of the memory ceiling', 'p50 ms', 'p99 ms', 'target'],
  [
    row('empty page (reference)', empty),
    row('article HTML from memory (ceiling)', memory),
    row('article page', article, articleTarget),
    row('home page', home),
    row('search page', search),
    ...(pages.throughput.apiList ? [row('API article list (`/api/v1/articles`)', pages.throughput.apiList)] : []),
    ...(pages.throughput.apiArticle ? [row('API article (`/api/v1/articles/<slug>`)', pages.throughput.apiArticle)] : []),
  ],
)}

While the desk published and took the story down ${times(rounds)}, the article page served
${whole(rps(readers))} requests/s (${share(rps(readers), rps(article))} of its rate alone), p99 ${whole(readers.latencyMs.p99)} ms.`;
}

function weightTable({ pages }: BenchRun): string {
  const empty = pages.weights.find((w) => w.name === 'empty');
  const row = (weight: PageWeight) => {
    const over = empty ? weight.js.gzip - empty.js.gzip : NaN;
    const target =
      weight.name === 'article' && empty ? `≤ empty + ${kib(TARGETS.articleJsOverEmptyBytes)}: ${verdict(over <= TARGETS.articleJsOverEmptyBytes)}` : '';
    return [
      weight.name === 'empty' ? 'empty page (reference)' : `${weight.name} page`,
      kib(weight.js.gzip),
      weight.name === 'empty' || !empty ? '' : signedKib(over),
      `${kib(weight.js.raw)} (${weight.js.files})`,
      kib(weight.inlineJs.gzip),
      kib(weight.css.gzip),
      target,
    ];
  };
  return `### Bytes each page loads (KiB)

${table(
  ['page', 'scripts, gzip', 'scripts over the empty page', 'scripts, raw (files)', 'inline scripts, gzip', 'CSS, gzip', 'target'],
  pages.weights.map(row),
)}`;
}

function publishTable({ pages }: BenchRun): string {
  const row = (label: string, readers: string, changes: PublicChange[], action: PublicChange['action']) => {
    const of = changes.filter((c) => c.action === action);
    const seen = of.map((c) => c.pressToVisibleMs).filter((v): v is number => v !== null);
    const afterConfirm = of.map((c) => c.confirmToVisibleMs);
    const missed = afterConfirm.filter((v) => v === null).length;
    const worst = Math.max(...afterConfirm.map((v) => v ?? Infinity));
    return [
      label,
      readers,
      String(of.length),
      seen.length ? `${whole(percentile(seen, 50))} · ${whole(Math.max(...seen))}` : 'never seen',
      whole(percentile(of.map((c) => c.pressToConfirmMs), 50)),
      missed ? `not seen ${missed}×` : whole(worst),
      `≤ ${TARGETS.publicRefreshMs / 1000} s after the desk confirmed: ${verdict(of.length > 0 && missed === 0 && worst <= TARGETS.publicRefreshMs)}`,
    ];
  };
  const { quiet, underLoad } = pages.publish;
  const busy = `${pages.connections} connections`;
  return `### From «نشر» to readers (ms)

${table(
  ['change', 'readers meanwhile', 'n', 'seen after the press: median · max', 'desk confirmed: median', 'seen after the desk confirmed: worst', 'target'],
  [
    row('«نشر» → 200 with the title', 'none', quiet, 'publish'),
    row('«إلغاء النشر» → 404', 'none', quiet, 'unpublish'),
    row('«نشر» → 200 with the title', busy, underLoad, 'publish'),
    row('«إلغاء النشر» → 404', busy, underLoad, 'unpublish'),
  ],
)}

"Seen after the desk confirmed" is 0 when readers saw the change before the desk said so.`;
}

function saveTable({ pages }: BenchRun): string {
  const { saves } = pages;
  const row = (label: string, spread: { p50: number; p95: number; max: number }) => [label, whole(spread.p50), whole(spread.p95), whole(spread.max)];
  return `### Saving a ${whole(saves.words)}-word story (ms)

${table(
  ['measure', 'p50', 'p95', 'max'],
  [row('click «حفظ» → «محفوظ» shown', saves.clickToSavedMs), row('save request → its response headers', saves.requestMs)],
)}

${saves.saves} saves, ${kib(saves.requestBytes)} KiB sent each.`;
}

/** Why a kind of query is slow on a large corpus, for those that miss the target. */
const SLOW_BECAUSE: Partial<Record<Kind, string>> = {
  phrase: 'a phrase re-reads every story holding both of its words to check their positions, which costs most when both words are very frequent',
  'one common word': 'one of the commonest words matches a large share of the stories, and every match is ranked',
};

function searchSection({ search }: BenchRun): string {
  if (!search.ran) {
    return `## Search

Search was not measured in this run: ${search.reason}. \`npm run bench:search\` runs it alone
against the PostgreSQL database named by \`SEARCH_BENCH_DATABASE_URL\` (default
\`postgres://postgres@127.0.0.1:5432/midad_search\`, which it wipes).`;
  }
  const { report } = search;
  const sizes = Object.keys(report.builds)
    .map(Number)
    .sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1]!;
  const thousands = (n: number) => `${n / 1000}k`;
  const perKind = report.results[0]?.queries ?? 0;
  const slow = report.results.filter((r) => r.stories === largest && !(r.p95 < TARGETS.searchP95Ms));
  const conclusion = slow.length
    ? `At ${thousands(largest)} stories, ${listed(slow.map((r) => `«${r.kind}»`))} miss${slow.length === 1 ? 'es' : ''} the ${TARGETS.searchP95Ms} ms target at p95` +
      (slow.some((r) => SLOW_BECAUSE[r.kind]) ? `: ${slow.flatMap((r) => SLOW_BECAUSE[r.kind] ?? []).join('; ')}.` : '.')
    : `At ${thousands(largest)} stories every kind of query meets the ${TARGETS.searchP95Ms} ms target at p95.`;
  return `## Search at ${sizes.map(thousands).join(' and ')} stories

\`npm run bench:search\` (also part of \`npm run bench\`) builds synthetic stories of 200–450 words
in the PostgreSQL database named by \`SEARCH_BENCH_DATABASE_URL\` (default
\`postgres://postgres@127.0.0.1:5432/midad_search\`, which it wipes), then prints p50/p95 latency
per kind of query and the index size, and writes \`bench-results/search.json\`.
\`SEARCH_BENCH_SIZES=10000\` and \`SEARCH_BENCH_QUERIES=50\` make a quicker run. The whole reader
path is timed (count, ranking, page, highlighted snippets); ${perKind} queries of each kind after
${report.warmup} of warm-up, on PostgreSQL ${report.serverVersion}. How the corpus and the queries are
made: [docs/search.md](search.md).

${table(
  ['stories', 'query', 'p50 ms', 'p95 ms', 'mean matches', `p95 < ${TARGETS.searchP95Ms} ms`],
  report.results.map((r) => [thousands(r.stories), r.kind, oneDecimal(r.p50), oneDecimal(r.p95), whole(r.meanHits), verdict(r.p95 < TARGETS.searchP95Ms)]),
)}

${table(
  ['stories', 'documents', 'total', 'GIN index', 'documents table', 'lexicon (words)'],
  sizes.map((size) => {
    const b = report.builds[size]!;
    return [thousands(size), whole(b.documents), mib(b.totalBytes), mib(b.documentIndexBytes), mib(b.tableBytes), `${mib(b.lexiconBytes)} (${whole(b.lexiconWords)})`];
  }),
)}

${conclusion}`;
}

function limits(run: BenchRun): string {
  const { machine, pages, search } = run;
  const { empty, memory, article } = pages.throughput;
  const html = (name: string) => pages.weights.find((w) => w.name === name)?.html.raw;
  const articleHtml = html('article') ?? memory.bytesPerRequest;
  const emptyHtml = html('empty') ?? empty.bytesPerRequest;
  const oneWord = search.ran
    ? search.report.results.filter((r) => r.kind === 'one word').sort((a, b) => b.stories - a.stories)[0]
    : undefined;
  const postgres = oneWord
    ? ` With PostgreSQL they run beside the server (${oneDecimal(oneWord.p50)} ms at p50 for a one-word search at ${oneWord.stories / 1000}k stories, above).`
    : '';
  const busy = Math.max(machine.loadAverage.start, machine.loadAverage.end) > machine.cpus;
  return `## What limits these figures

- One machine with ${machine.cpus} cores runs the load generator (autocannon, one Node thread) and the
  server (one Node process), and Chromium during the publication runs: each takes CPU from the
  other, so a separate load generator would measure more requests per second. The ratios between
  pages, all measured the same way in one run, say more than the absolute figures.
- A bare Node server answers the article's ${whole(articleHtml / 1000)} KB from memory ${whole(memory.requestsPerSecond)} times a second
  here; Next answers the empty prerendered page (${oneDecimal(emptyHtml / 1000)} KB) at ${share(empty.requestsPerSecond, memory.requestsPerSecond)} of that rate: what
  routing, the cache lookup and the headers cost every page. The article page comes from the same
  cache (regenerated only when it changes) and reaches ${share(article.requestsPerSecond, empty.requestsPerSecond)} of the empty page's rate, with a
  p99 of ${whole(article.latencyMs.p99)} ms against the ${TARGETS.articleP99Ms} ms target.
- The home and search pages render on every request (home from cached data; search runs its
  query) in the one server process, and PGlite runs the database inside that process as
  single-threaded WebAssembly: queries queue behind each other and behind rendering.${postgres}
- autocannon asks for no compression, so pages cross the loopback uncompressed.
- ${
    busy
      ? `The machine was not idle: a load average above its ${machine.cpus} cores means other work took CPU from the run, so the absolute figures are lower than an idle machine gives.`
      : `The load average stayed within the machine's ${machine.cpus} cores.`
  } Absolute figures move from one run
  to the next with whatever else the machine does; compare runs by their ratios. The publication
  times are one request after another every 20 ms and include the browser's own work, as the save
  times do.`;
}

/** The whole of docs/benchmarks.md for one run. */
function importSection({ wordpress }: BenchRun): string {
  if (!wordpress) return '';
  if (!wordpress.ran) {
    return `## WordPress import

The import was not measured in this run: ${wordpress.reason}. It needs the PostgreSQL database named by
\`BENCH_IMPORT_DATABASE_URL\` (default \`postgres://postgres@127.0.0.1:5432/midad_import\`, which it wipes).`;
  }
  const r = wordpress.report;
  return `## WordPress import of ${whole(r.posts)} posts

\`npm run bench\` writes a WordPress export of ${whole(r.posts)} Arabic posts (${mib(r.exportBytes)}; bodies from the
fixture story, half in the block editor's markup and half as the classic editor stores text, with
categories and tags, no images) and imports it with the same code as \`npm run import:wxr\`, in a
process of its own, into ${r.database} (wiped first). \`BENCH_IMPORT_POSTS\` changes the size.

${table(
  ['posts', 'time', 'posts per second', 'peak memory of the importing process', 'failed'],
  [[whole(r.posts), duration(r.seconds), oneDecimal(r.postsPerSecond), `${mib(r.peakRssBytes)} (${oneDecimal(r.peakRssBytes / r.exportBytes)}× the export)`, whole(r.failed)]],
)}

The export is read as a stream, one post at a time, and each post is its own transaction, so memory
does not grow with the archive: what it holds is the runtime, the database driver and the first
pass's list of attachments and terms.`;
}

export function renderBenchmarksPage(run: BenchRun): string {
  return (
    [intro(run), theRun(run), throughputTable(run), weightTable(run), publishTable(run), saveTable(run), searchSection(run), importSection(run), limits(run)].filter(Boolean).join('\n\n') +
    '\n'
  );
}
