import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from './env';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Names the shipped code reads from its environment (`process.env.X`, `env.X`, `process.env['X']`). */
function namesReadBy(entries: string[]): Set<string> {
  const names = new Set<string>();
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const child of fs.readdirSync(full)) visit(path.join(entry, child));
      return;
    }
    if (!/\.(ts|tsx|mjs)$/.test(entry) || /\.test\.ts$/.test(entry)) return;
    for (const match of fs.readFileSync(full, 'utf8').matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) {
      names.add(match[1] ?? match[2]!);
    }
  };
  entries.forEach(visit);
  return names;
}

// Read by the benchmarks, the browser-test config and Node itself, not by the app.
const NOT_APP_SETTINGS = /^(BENCH_|SEARCH_BENCH_|E2E_)|^(NODE_OPTIONS|LANG|CI)$/;

describe('the configuration', () => {
  it('covers every variable the app reads', () => {
    const read = namesReadBy(['app', 'lib', 'db', 'components', 'scripts', 'auth.ts', 'auth.config.ts', 'proxy.ts', 'next.config.ts']);
    const unknown = [...read].filter((name) => !(ENV_VARIABLES as readonly string[]).includes(name) && !NOT_APP_SETTINGS.test(name));
    expect(unknown, 'add these to lib/config/env.ts, .env.example and docs/operations.md').toEqual([]);
  });

  it('is documented in .env.example and docs/operations.md, variable by variable', () => {
    const example = read('.env.example');
    const operations = read('docs/operations.md');
    for (const name of ENV_VARIABLES) {
      expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
      expect(operations, `docs/operations.md lacks ${name}`).toContain(`| \`${name}\``);
    }
  });
});
