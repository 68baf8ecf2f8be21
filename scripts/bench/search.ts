/*
 * Search benchmark on its own (also part of `npm run bench`): search latency on generated 10k and
 * 100k Arabic story corpora in PostgreSQL, and the index size. See search-benchmark.ts.
 *
 *   npm run bench:search
 *   SEARCH_BENCH_DATABASE_URL=postgres://… npm run bench:search   (default: the local midad_search)
 *   SEARCH_BENCH_SIZES=10000 SEARCH_BENCH_QUERIES=100 npm run bench:search
 *
 * The database named is wiped first (and created when missing): give it one of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runScript, ScriptError } from '../run-script';
import { mib } from './figures';
import { runSearchBenchmark, SearchBenchUnavailable, searchOptionsFromEnv, type SearchReport } from './search-benchmark';
import { formatTable } from './table';

function printSearchReport(report: SearchReport): void {
  const header = ['stories', 'query', 'n', 'p50 ms', 'p95 ms', 'mean matches'];
  const lines = report.results.map((r) => [String(r.stories), r.kind, String(r.queries), r.p50.toFixed(1), r.p95.toFixed(1), r.meanHits.toFixed(0)]);
  console.log('\n' + formatTable(header, lines));
  console.log('\nIndex size:');
  for (const [size, b] of Object.entries(report.builds)) {
    console.log(
      `  ${size} stories: ${b.documents} documents; full-text GIN index ${mib(b.documentIndexBytes)}, ` +
        `documents table ${mib(b.tableBytes)}, lexicon ${b.lexiconWords} words with trigram index ` +
        `${mib(b.lexiconBytes)}; total ${mib(b.totalBytes)}`,
    );
  }
}

void runScript(async () => {
  let report: SearchReport;
  try {
    report = await runSearchBenchmark(searchOptionsFromEnv());
  } catch (error) {
    if (error instanceof SearchBenchUnavailable) throw new ScriptError(`Search benchmark not run: ${error.message}`);
    throw error;
  }
  printSearchReport(report);
  const out = path.join(process.cwd(), 'bench-results', 'search.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ when: new Date().toISOString(), ...report }, null, 2) + '\n');
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
});
