/*
 * One import of a generated WordPress export into a fresh embedded database, in a process of its
 * own so its peak memory is the import's: prints one JSON line for import-benchmark.ts.
 * Usage: node --import tsx --conditions=react-server scripts/bench/import-run.ts <export.xml> <pglite dir>
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../db/client';
import { seedDatabase } from '../../db/seed';
import { findActiveAdmin } from '../../db/users';
import { readWxr } from '../../lib/import/wxr';
import { importWordPress } from '../../lib/server/import/import-wordpress';
import { runScript } from '../run-script';

void runScript(async () => {
  const [file, pgliteDir] = process.argv.slice(2);
  const connection = openDatabase(process.env.BENCH_IMPORT_DATABASE_URL ? { databaseUrl: process.env.BENCH_IMPORT_DATABASE_URL } : { pgliteDir: pgliteDir! });
  try {
    await connection.migrate();
    await seedDatabase(connection.db, { production: false });
    const admin = (await findActiveAdmin(connection.db))!;
    const began = performance.now();
    const report = await importWordPress(connection.db, { ...admin, sessionId: 'bench' }, { open: () => readWxr(fs.createReadStream(file!)), uploadsDir: null, dryRun: false });
    const seconds = (performance.now() - began) / 1000;
    console.log(JSON.stringify({ posts: report.posts.imported, failed: report.posts.failed, seconds, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
  } finally {
    await connection.close();
  }
});
