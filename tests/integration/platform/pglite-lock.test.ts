import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '@/db/client';
import { lockPathFor } from '@/db/pglite-lock';
import { sections } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { tempDir } from '../helpers';

// These run on the embedded database whatever DATABASE_URL says: the lock is PGlite's concern.
const env = { ...process.env, DATABASE_URL: '' };
const tsx = (script: string, args: string[] = []) => [process.execPath, ['--import', 'tsx', script, ...args]] as const;

let open: Connection | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('embedded database lock', () => {
  it('a second process exits with the lock message while the first keeps writing and loses nothing', async () => {
    const dir = path.join(tempDir('midad-lock-'), 'pglite');
    const [cmd, args] = tsx('tests/integration/fixtures/writer.ts', [dir]);
    const writer = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    writer.stdout.on('data', (chunk) => (output += chunk));
    writer.stderr.on('data', (chunk) => (output += chunk));
    const writerExit = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    await waitFor(() => output.includes('READY') || writer.exitCode !== null);
    expect(output).toContain('READY');

    // The second process: the real migrate script, pointed at the same directory. The writer
    // keeps writing until told to stop, so this is refused mid-write however slow its start.
    const [cmd2, args2] = tsx('scripts/migrate.ts');
    const second = spawnSync(cmd2, args2, { env: { ...env, PGLITE_DIR: dir }, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by process ${writer.pid}`);
    expect(second.stderr).toContain('PGLITE_DIR');
    expect(output).not.toContain('DONE'); // it was refused while the writer was still writing

    writer.stdin.end();
    expect(await writerExit).toBe(0);
    const written = Number(/DONE (\d+)/.exec(output)?.[1]);
    expect(written).toBeGreaterThan(0);
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);

    open = openDatabase({ pgliteDir: dir });
    expect(await open.db.$count(sections)).toBe(written);
  }, 300_000);

  it('releases the lock on close, so the directory opens again', async () => {
    const dir = path.join(tempDir('midad-lock-'), 'pglite');
    open = openDatabase({ pgliteDir: dir });
    await open.migrate();
    await open.close();
    open = openDatabase({ pgliteDir: dir });
    expect(await open.db.$count(sections)).toBe(0);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = path.join(tempDir('midad-lock-'), 'pglite');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = { pid: Number(dead.stdout), host: os.hostname(), startTime: '1', command: 'gone', since: '2020-01-01' };
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(lockPathFor(dir), JSON.stringify(stale));
    open = openDatabase({ pgliteDir: dir });
    await open.migrate();
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), 'utf8')).pid).toBe(process.pid);
  });

  it('names the holder when the lock belongs to a live process', () => {
    const dir = path.join(tempDir('midad-lock-'), 'pglite');
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // PID 1 is always alive; its start time is read from /proc, so the lock looks genuine.
    const startTime = fs.readFileSync('/proc/1/stat', 'utf8').split(') ')[1]!.split(' ')[19];
    const holder = { pid: 1, host: os.hostname(), startTime, command: 'next-server', since: 'now' };
    fs.writeFileSync(lockPathFor(dir), JSON.stringify(holder));
    try {
      openDatabase({ pgliteDir: dir });
      throw new Error('opened a locked directory');
    } catch (error) {
      expect(isAppError(error, 'DATABASE_LOCKED')).toBe(true);
      expect((error as Error).message).toContain('process 1');
    }
  });
});

/** Polls a state; the test's own timeout bounds the wait. */
async function waitFor(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}
