/*
 * `npm run bench`: the page benchmarks on a production build (pages-benchmark.ts), then the
 * search benchmark and the WordPress import on PostgreSQL (search-benchmark.ts,
 * import-benchmark.ts; each skipped with its reason when PostgreSQL cannot be reached), printed as one table, written to bench-results/latest.json, and written up
 * as docs/benchmarks.md (markdown.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runScript } from '../run-script';
import { renderBenchmarksPage, type BenchRun } from './markdown';
import { pagesOptionsFromEnv, runPagesBenchmark } from './pages-benchmark';
import { stopEverything, stopEverythingOnExit } from './processes';
import { runImportBenchmark, type ImportOutcome } from './import-benchmark';
import { PostgresUnavailable } from './postgres';
import { HEADER, importRows, pageRows, searchRows, TARGETS, type SearchOutcome } from './report';
import { runSearchBenchmark, SearchBenchUnavailable, searchOptionsFromEnv } from './search-benchmark';
import { formatTable } from './table';

void runScript(async () => {
  stopEverythingOnExit();
  const began = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  try {
    const pages = await runPagesBenchmark(pagesOptionsFromEnv((line) => console.log(line)));
    // The server has stopped: the search benchmark has the machine to itself.
    let search: SearchOutcome;
    try {
      search = { ran: true, report: await runSearchBenchmark(searchOptionsFromEnv((line) => console.log(`Search: ${line}`))) };
    } catch (error) {
      if (!(error instanceof SearchBenchUnavailable)) throw error;
      search = { ran: false, reason: error.message };
      console.log(`Search: skipped — ${error.message}`);
    }
    let wordpress: ImportOutcome;
    try {
      wordpress = { ran: true, report: await runImportBenchmark((line) => console.log(`Import: ${line}`)) };
    } catch (error) {
      if (!(error instanceof PostgresUnavailable)) throw error;
      wordpress = { ran: false, reason: error.message };
      console.log(`Import: skipped — ${error.message}`);
    }
    const seconds = (performance.now() - began) / 1000;

    const machine: BenchRun['machine'] = { ...pages.machine, loadAverage: { start: loadAtStart, end: os.loadavg()[0]! } };
    console.log(
      `\nMidad benchmarks, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machine.cpus} CPUs (${machine.cpuModel}), ` +
        `${machine.memoryGiB} GiB, Node ${machine.node}; load generator and server on the same machine\n`,
    );
    console.log(formatTable(HEADER, [...pageRows(pages), ...searchRows(search), ...importRows(wordpress)]));
    const run: BenchRun = { when: startedAt.toISOString(), seconds, machine, pages, search, wordpress };
    const out = path.join(process.cwd(), 'bench-results', 'latest.json');
    fs.writeFileSync(out, JSON.stringify({ ...run, targets: TARGETS }, null, 2) + '\n');
    const page = path.join(process.cwd(), 'docs', 'benchmarks.md');
    fs.writeFileSync(page, renderBenchmarksPage(run));
    console.log(
      `\nWritten to ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), page)}; ` +
        `the whole run took ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s.`,
    );
  } finally {
    await stopEverything();
  }
}).then(() => process.exit());
