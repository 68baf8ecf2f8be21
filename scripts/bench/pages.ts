/*
 * The page benchmarks alone (also part of `npm run bench`): throughput and latency, page weight,
 * publish-to-public time and editor save latency on a production build. See pages-benchmark.ts.
 *
 *   npm run bench:pages
 *   BENCH_SKIP_BUILD=1 npm run bench:pages      (reuse the build in .next-bench)
 *   BENCH_SECONDS=5 BENCH_SAVES=10 npm run bench:pages
 */
import fs from 'node:fs';
import path from 'node:path';
import { runScript } from '../run-script';
import { pagesOptionsFromEnv, runPagesBenchmark } from './pages-benchmark';
import { stopEverything, stopEverythingOnExit } from './processes';
import { HEADER, pageRows } from './report';
import { formatTable } from './table';

void runScript(async () => {
  stopEverythingOnExit();
  try {
    const report = await runPagesBenchmark(pagesOptionsFromEnv((line) => console.log(line)));
    console.log(`\nPage benchmarks, ${report.when} (${report.machine.cpus} CPUs, ${report.machine.cpuModel}; Node ${report.machine.node})\n`);
    console.log(formatTable(HEADER, pageRows(report)));
    const out = path.join(process.cwd(), 'bench-results', 'pages.json');
    fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nWritten to ${path.relative(process.cwd(), out)} in ${report.seconds.toFixed(0)} s.`);
  } finally {
    await stopEverything();
  }
}).then(() => process.exit());
