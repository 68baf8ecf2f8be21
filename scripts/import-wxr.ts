import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connectionOptionsFromEnv, openDatabase, type Executor } from '../db/client';
import { findActiveAdmin } from '../db/users';
import { readWxr } from '../lib/import/wxr';
import { importWordPress, STATUS_MAP, type ImportProgress, type ImportReport } from '../lib/server/import/import-wordpress';
import type { Actor } from '../lib/server/effects';
import { requireValidConfig } from './environment';
import { ScriptError, runScript } from './run-script';
import { loadEnv } from './secrets';

const USAGE = `Usage: npm run import:wxr -- <export.xml> [--uploads <wp-content/uploads>] [--dry-run]
       [--sections <map.json>] [--create-accounts] [--as <admin email>] [--report <report.json>]`;

/**
 * Imports a WordPress export (WXR) into the database the server uses: see
 * lib/server/import/import-wordpress.ts for what comes across and docs/operations.md for how to
 * run it. Prints progress while it runs and a report at the end, also written as JSON.
 */
void runScript(async () => {
  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand();
  } catch (error) {
    throw new ScriptError(`${(error as Error).message}\n${USAGE}`);
  }
  const { file, values } = parsed;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ScriptError(`No export at ${file}.\n${USAGE}`);
  const uploadsDir = values.uploads ? path.resolve(values.uploads) : null;
  if (uploadsDir && !fs.existsSync(uploadsDir)) throw new ScriptError(`No uploads folder at ${uploadsDir}.`);
  const sectionMap = values.sections ? readSectionMap(values.sections) : undefined;

  loadEnv(process.env.NODE_ENV !== 'production');
  requireValidConfig({ deployment: false });
  const connection = openDatabase(connectionOptionsFromEnv());
  try {
    await connection.migrate();
    const actor = await importingAdmin(connection.db, values.as);
    const progress = progressPrinter();
    const report = await importWordPress(connection.db, actor, {
      open: () => readWxr(fs.createReadStream(file)),
      uploadsDir,
      dryRun: values['dry-run'] === true,
      sectionMap,
      createAccounts: values['create-accounts'] === true,
      onProgress: progress.update,
    });
    progress.finish();
    const reportFile = path.resolve(values.report ?? `wxr-import-report${report.dryRun ? '-dry-run' : ''}.json`);
    fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(summary(report));
    console.log(`The full report is in ${reportFile}.`);
    if (report.posts.failed > 0 || report.broken) process.exitCode = 2;
  } finally {
    await connection.close();
  }
});

function parseCommand() {
  const { values, positionals } = parseArgs({
    options: {
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean' },
      sections: { type: 'string' },
      'create-accounts': { type: 'boolean' },
      as: { type: 'string' },
      report: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error('Name one export file.');
  return { file: path.resolve(positionals[0]!), values };
}

function readSectionMap(file: string): Record<string, string> {
  let map: unknown;
  try {
    map = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScriptError(`The section map ${file} is not readable JSON: ${(error as Error).message}`);
  }
  if (!map || typeof map !== 'object' || Array.isArray(map) || !Object.values(map).every((value) => typeof value === 'string')) {
    throw new ScriptError(`The section map ${file} must be one JSON object of category → section slug, e.g. {"أخبار محلية": "فلسطين"}.`);
  }
  return map as Record<string, string>;
}

/** The admin the import runs as (its entries in the activity log name them): the one named, else the first active admin. */
async function importingAdmin(db: Executor, email: string | undefined): Promise<Actor> {
  const admin = await findActiveAdmin(db, email);
  if (!admin) throw new ScriptError(email ? `No active admin with the address ${email}.` : 'No active admin to run the import as: create one with npm run user:create.');
  return { ...admin, sessionId: 'import' };
}

/** A progress bar with counts and an estimate on a terminal; a line every 10% otherwise. */
function progressPrinter() {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update({ done, total }: ImportProgress) {
      const share = total ? Math.min(1, done / total) : 0;
      const elapsed = (Date.now() - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const left = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      const line = `${done}/${total} posts · ${rate.toFixed(1)}/s · ${done >= total ? 'done' : `about ${formatSeconds(left)} left`}`;
      if (process.stderr.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${line}   `);
      } else {
        const decile = Math.floor(share * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${line}\n`);
        }
      }
    },
    finish() {
      if (process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function summary(report: ImportReport): string {
  const lines = [
    report.dryRun ? 'Dry run: nothing was written. The import would bring in:' : 'Import finished:',
    `  posts imported: ${report.posts.imported}, already imported before: ${report.posts.alreadyImported}, failed: ${report.posts.failed}`,
    ...Object.entries(report.posts.byStatus).map(([status, count]) => `    ${status} → ${STATUS_MAP[status]}: ${count}`),
    `  sections created: ${report.sections.created.length ? report.sections.created.join('، ') : 'none'}`,
    `  tags: ${report.tags}`,
    `  images imported: ${report.images.imported}, reused: ${report.images.reused}, missing: ${report.images.missing.length}, refused: ${report.images.refused.length}`,
    `  redirects from old addresses: ${report.redirects}`,
    `  posts whose body was changed to fit: ${report.converted.length}`,
  ];
  if (report.accountsCreated.length) lines.push(`  inactive accounts created: ${report.accountsCreated.length}`);
  for (const [type, count] of Object.entries(report.skippedTypes)) lines.push(`  not imported, ${type}: ${count}`);
  for (const failure of report.failures) lines.push(`  ✗ item ${failure.position} (post ${failure.postId ?? 'without id'}, «${failure.title}»): ${failure.reason}`);
  if (report.broken) lines.push(`  ✗ the export could not be read to its end: ${report.broken}`);
  return lines.join('\n');
}
