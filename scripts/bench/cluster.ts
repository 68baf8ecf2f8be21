/*
 * `npm run bench:cluster`: the deployment of `npm run cluster` (e2e/cluster.ts) under load, on this
 * one machine — a PostgreSQL primary and replica, Redis, an S3 service, two nodes and Varnish in front.
 *
 * 1. Throughput: the article, home and search pages through Varnish against node A direct (ratios
 *    in one run; the load generator shares the machine's cores with everything else).
 * 2. Publication: «نشر» pressed on node A until the story's page shows it through Varnish and
 *    through node B, and «إلغاء النشر» likewise, BENCH_CLUSTER_ROUNDS times (20 unless told).
 *
 * Printed as a table beside the targets, written to bench-results/cluster.json and
 * docs/benchmarks-cluster.md. It needs what `npm run cluster` needs (PostgreSQL, Redis, Varnish).
 *
 *   npm run bench:cluster
 *   BENCH_SKIP_BUILD=1 BENCH_SECONDS=5 BENCH_CLUSTER_ROUNDS=20 npm run bench:cluster
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, devices } from '@playwright/test';
import fixture from '../../db/seed-data/quds-day-article.json';
import { clusterUnavailable, startCluster, type Cluster } from '../../e2e/cluster';
import { slugify } from '../../lib/arabic/slug';
import { articlePath } from '../../lib/seo/paths';
import playwrightConfig from '../../playwright.config';
import { runScript, ScriptError } from '../run-script';
import { changeAndWatch, deskAs, pressWorkflow, resubmitAndApprove, WORKFLOW, writeStory, type PublicChange } from './desk-flow';
import { percentile } from './figures';
import { buildApp, onStop, stopEverything, stopEverythingOnExit } from './processes';
import { formatTable } from './table';
import { measureLoad, type LoadRun } from './throughput';

const BASE_PORT = 4400;
const TARGETS = { varnishOverNode: 10, publishP95Ms: 1000 };
const int = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new ScriptError(`${name} must be a whole number of at least 1.`);
  return value;
};

interface ClusterBench {
  when: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: { start: number; end: number } };
  connections: number;
  seconds: number;
  pages: { name: string; path: string; node: LoadRun; varnish: LoadRun }[];
  publications: PublicChange[];
}

async function measureThroughput(cluster: Cluster, options: { connections: number; seconds: number; log: (line: string) => void }) {
  const node = cluster.nodes[0].url;
  const varnish = cluster.varnish.url;
  const article = articlePath(slugify(fixture.title));
  const pages = [
    { name: 'article', path: article },
    { name: 'home', path: '/' },
    { name: 'search', path: `/search?q=${encodeURIComponent('القدس')}` },
  ];
  const load = { connections: options.connections, seconds: options.seconds, warmupSeconds: 2 };
  const results: ClusterBench['pages'] = [];
  for (const page of pages) {
    const check = await fetch(varnish + page.path);
    if (!check.ok || !(await check.text()).includes(article)) throw new Error(`${page.path} through Varnish does not show the fixture story`);
    options.log(`Load: ${page.name} — node A direct, then through Varnish (${options.connections} connections, ${options.seconds} s each)…`);
    results.push({ ...page, node: await measureLoad(`${page.name} (node A)`, node + page.path, load), varnish: await measureLoad(`${page.name} (Varnish)`, varnish + page.path, load) });
  }
  return results;
}

async function measurePublications(cluster: Cluster, rounds: number, log: (line: string) => void): Promise<PublicChange[]> {
  const [a, b] = cluster.nodes;
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  onStop(() => browser.close());
  const { viewport, userAgent } = devices['Desktop Chrome'];
  const context = { viewport, userAgent, baseURL: a.url, locale: 'ar' };
  const editor = await deskAs(browser, 'editor', context);
  const title = 'خبر لقياس زمن النشر عبر العنقود';
  const story = await writeStory(editor, { title, section: 'سياسة', paragraphs: ['نص قصير يُنشر ويُلغى نشره لقياس الزمن حتى يراه القراء عبر كل العقد.'] });
  await pressWorkflow(editor, WORKFLOW.submit);
  await editor.context().close();
  const admin = await deskAs(browser, 'admin', context);
  await admin.goto(story.deskUrl);
  await pressWorkflow(admin, WORKFLOW.approve);
  const watched = [cluster.varnish.url + story.publicPath, b.url + story.publicPath];
  // Varnish and node B hold the story's 404 before the first press, as they would for a reader.
  for (const url of watched) await fetch(url);
  const changes: PublicChange[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await resubmitAndApprove(admin);
    changes.push(await changeAndWatch(admin, 'publish', watched, title));
    changes.push(await changeAndWatch(admin, 'unpublish', watched, title));
    log(`Publication ${round + 1}/${rounds}`);
  }
  await browser.close();
  return changes;
}

const ms = (value: number) => `${Math.round(value)}`;

function rows(report: ClusterBench): string[][] {
  const table: string[][] = report.pages.map(({ name, node, varnish }) => {
    const ratio = varnish.requestsPerSecond / node.requestsPerSecond;
    const failed = node.errors + node.non2xx + varnish.errors + varnish.non2xx + node.timeouts + varnish.timeouts;
    return [
      `${name} page`,
      `${Math.round(varnish.requestsPerSecond)} req/s through Varnish (p99 ${varnish.latencyMs.p99} ms) · ${Math.round(node.requestsPerSecond)} req/s node A direct (p99 ${node.latencyMs.p99} ms)${failed ? ` · FAILED ${failed}` : ''}`,
      `${ratio.toFixed(1)}×`,
      `≥ ${TARGETS.varnishOverNode}×: ${ratio >= TARGETS.varnishOverNode && !failed ? 'met' : 'NOT MET'}`,
    ];
  });
  for (const action of ['publish', 'unpublish'] as const) {
    const of = report.publications.filter((c) => c.action === action);
    const seen = of.map((c) => c.confirmToVisibleMs);
    const missed = seen.filter((v) => v === null).length;
    const times = seen.filter((v): v is number => v !== null);
    const p95 = times.length ? percentile(times, 95) : Infinity;
    table.push([
      action === 'publish' ? '«نشر» → visible' : '«إلغاء النشر» → gone',
      `through Varnish and node B after the desk confirmed (n=${of.length}${missed ? `, not seen ${missed}×` : ''}); desk confirmed in median ${ms(percentile(of.map((c) => c.pressToConfirmMs), 50))} ms`,
      times.length ? `p50 ${ms(percentile(times, 50))} · p95 ${ms(p95)} ms` : 'never seen',
      `p95 ≤ ${TARGETS.publishP95Ms / 1000} s: ${!missed && p95 <= TARGETS.publishP95Ms ? 'met' : 'NOT MET'}`,
    ]);
  }
  return table;
}

const HEADER = ['measure', 'what', 'result', 'target'];

function markdown(report: ClusterBench): string {
  const { machine } = report;
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    '# Cluster benchmark',
    '',
    `Written by \`npm run bench:cluster\` on ${report.when.slice(0, 16).replace('T', ' ')} UTC; run it again to replace it.`,
    '',
    `On ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage.start.toFixed(1)} at the start and ${machine.loadAverage.end.toFixed(1)} at the end. ` +
      'Everything runs on this one machine: a PostgreSQL primary and its streaming replica, Redis, an S3 service (OpenStack Swift), two nodes of the production build, Varnish in front of both, and the load generator, which shares the cores with them. ' +
      `Each page was loaded with ${report.connections} connections for ${report.seconds} s, first on node A directly, then through Varnish.`,
    '',
    line(HEADER),
    line(HEADER.map(() => '---')),
    ...rows(report).map(line),
    '',
  ].join('\n');
}

void runScript(async () => {
  stopEverythingOnExit();
  const unavailable = clusterUnavailable();
  if (unavailable) throw new ScriptError(`The cluster benchmark cannot run here: ${unavailable}.`);
  const log = (line: string) => console.log(line);
  const connections = int('BENCH_CONNECTIONS', 32);
  const seconds = int('BENCH_SECONDS', 10);
  const rounds = int('BENCH_CLUSTER_ROUNDS', 20);
  const root = process.cwd();
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  const loadAtStart = os.loadavg()[0]!;
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('Reusing the production build in .next (BENCH_SKIP_BUILD=1).');
  } else {
    log('Building the app into .next (log: bench-results/cluster-build.log)…');
    await buildApp('.next', path.join(root, 'bench-results', 'cluster-build.log'));
  }
  let cluster: Cluster | undefined;
  onStop(async () => cluster?.stop());
  try {
    cluster = await startCluster(BASE_PORT, (line) => log(`Starting ${line}…`));
    const when = new Date().toISOString();
    const pages = await measureThroughput(cluster, { connections, seconds, log });
    log(`Publishing ${rounds} times on node A, watching through Varnish and node B…`);
    const publications = await measurePublications(cluster, rounds, log);
    const cpus = os.cpus();
    const report: ClusterBench = {
      when,
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: { start: loadAtStart, end: os.loadavg()[0]! } },
      connections,
      seconds,
      pages,
      publications,
    };
    console.log(`\nCluster benchmark (${report.machine.cpus} CPUs; load generator on the same machine)\n`);
    console.log(formatTable(HEADER, rows(report)));
    fs.writeFileSync(path.join(root, 'bench-results', 'cluster.json'), JSON.stringify({ ...report, targets: TARGETS }, null, 2) + '\n');
    fs.writeFileSync(path.join(root, 'docs', 'benchmarks-cluster.md'), markdown(report));
    console.log('\nWritten to bench-results/cluster.json and docs/benchmarks-cluster.md.');
  } finally {
    await stopEverything();
  }
}).then(() => process.exit());
