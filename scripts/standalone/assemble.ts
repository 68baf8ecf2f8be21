import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { configFrom } from '../../lib/config/server';
import { runScript, ScriptError } from '../run-script';

/*
 * `npm run standalone`, after `npm run build`: completes the server Next traced into
 * `<distDir>/standalone` (next.config.ts) with what Next leaves to the operator and what Midad
 * needs at run time, so that directory alone can be copied to a machine or an image:
 *
 * - public/ and the build's static files (`/_next/static`), which Next serves but does not copy;
 * - db/migrations, read by `migrate` and by `start` unless it is given --no-migrate;
 * - midad.cjs: scripts/standalone/server.ts bundled with the checks of `npm start`, the database
 *   steps and the messages, for Node alone;
 * - whole copies of the packages that bundle loads at run time rather than containing: PGlite
 *   (WebAssembly and data files beside its code) and the argon2 binding. Next, which it loads
 *   too, is already there as the server needs it.
 *
 * Run it with the settings of the build (NEXT_DIST_DIR), from the project directory.
 */

const ROOT = path.resolve(__dirname, '..', '..');

/** Loaded from node_modules at run time by midad.cjs, and copied whole. */
const COPIED_PACKAGES = ['@electric-sql/pglite', '@node-rs/argon2'];
const RUNTIME_PACKAGES = [...COPIED_PACKAGES, 'next'];

function copyInto(out: string, relative: string, from = relative) {
  const source = path.join(ROOT, from);
  const target = path.join(out, relative);
  fs.rmSync(target, { recursive: true, force: true });
  if (!fs.existsSync(source)) return;
  fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
}

/** The package directory and, for a native binding, the platform packages npm installed beside it. */
function packageDirs(name: string): string[] {
  const dir = path.join('node_modules', name);
  if (!fs.existsSync(path.join(ROOT, dir))) throw new ScriptError(`${name} is not installed: run npm ci first.`);
  const [scope, base] = name.startsWith('@') ? name.split('/') : [undefined, name];
  if (!scope) return [dir];
  const siblings = fs.readdirSync(path.join(ROOT, 'node_modules', scope)).filter((entry) => entry.startsWith(`${base}-`));
  return [dir, ...siblings.map((entry) => path.join('node_modules', scope, entry))];
}

void runScript(async () => {
  const distDir = configFrom(process.env).nextDistDir;
  if (path.isAbsolute(distDir) || distDir.split(/[\\/]/).includes('..')) {
    throw new ScriptError(`NEXT_DIST_DIR must be a directory inside the project for a standalone build, not ${distDir}.`);
  }
  const out = path.join(ROOT, distDir, 'standalone');
  if (!fs.existsSync(path.join(out, 'server.js'))) {
    throw new ScriptError(`No standalone build in ${out}: run npm run build first (with the same NEXT_DIST_DIR).`);
  }
  copyInto(out, 'public');
  copyInto(out, path.join(distDir, 'static'));
  copyInto(out, path.join('db', 'migrations'));
  for (const name of COPIED_PACKAGES) for (const dir of packageDirs(name)) copyInto(out, dir);
  buildSync({
    entryPoints: [path.join(ROOT, 'scripts', 'standalone', 'server.ts')],
    outfile: path.join(out, 'midad.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    define: { MIDAD_DIST_DIR: JSON.stringify(distDir) },
    external: [...RUNTIME_PACKAGES, ...RUNTIME_PACKAGES.map((name) => `${name}/*`)],
    logLevel: 'warning',
  });
  console.log(`Standalone server ready in ${path.relative(process.cwd(), out) || '.'}: node midad.cjs start (see docs/operations.md).`);
});
