import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../lib/errors';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes.
 * This is an exclusive, cross-process lock kept in a file beside the directory. The holder is
 * identified by host, PID and the process's start time (so a reused PID is not mistaken for
 * a live holder); a lock left by a dead process is taken over.
 */
interface LockInfo {
  pid: number;
  host: string;
  startTime: string | null;
  command: string;
  since: string;
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(/* turbopackIgnore: true */ dataDir)}.lock`;
}

/** State (field 3) and start time (field 22) from /proc/<pid>/stat, where the system has it. */
function processStat(pid: number): { state: string; startTime: string | null } | null {
  try {
    // The command name (field 2) may contain spaces, so split after it.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTime: fields[19] ?? null };
  } catch {
    return null;
  }
}

function processStartTime(pid: number): string | null {
  return processStat(pid)?.startTime ?? null;
}

function isAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // cannot check another machine: assume it is alive
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = processStat(info.pid);
  // A killed process waits as a zombie until its parent reaps it; it holds no files any more.
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return false;
  const start = stat?.startTime ?? null;
  return info.startTime === null || start === null || start === info.startTime;
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function describeHolder(info: LockInfo): string {
  return `process ${info.pid} on ${info.host} (${info.command}), since ${info.since}`;
}

export function lockedMessage(dataDir: string, info: LockInfo): string {
  return [
    `The embedded database in ${dataDir} is in use by ${describeHolder(info)}.`,
    'Only one process may open it at a time, or writes are lost.',
    'Stop that process first (for example the running `npm run dev`), or point this one elsewhere:',
    'set PGLITE_DIR to another directory, or DATABASE_URL to a PostgreSQL server.',
  ].join('\n');
}

const ownInfo = (): LockInfo => ({
  pid: process.pid,
  host: os.hostname(),
  startTime: processStartTime(process.pid),
  command: process.argv.slice(1, 3).map((a) => path.basename(a)).join(' ') || 'node',
  since: new Date().toISOString(),
});

function isOurs(info: LockInfo | null): boolean {
  return info !== null && info.pid === process.pid && info.host === os.hostname();
}

/** Takes the lock or throws AppError('DATABASE_LOCKED') naming the holder. Returns the release function. */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine = ownInfo();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: 'wx' });
      return releaser(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(lockPath);
    if (holder && isOurs(holder)) return releaser(lockPath);
    if (holder && isAlive(holder)) throw new AppError('DATABASE_LOCKED', lockedMessage(dataDir, holder));
    // Stale (or unreadable) lock: replace it atomically, then confirm that no other process
    // replaced it at the same moment.
    const tmp = `${lockPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(mine));
    fs.renameSync(tmp, lockPath);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    if (isOurs(readLock(lockPath))) return releaser(lockPath);
  }
  const holder = readLock(lockPath);
  throw new AppError('DATABASE_LOCKED', holder ? lockedMessage(dataDir, holder) : `Could not lock ${dataDir}.`);
}

function releaser(lockPath: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (isOurs(readLock(lockPath))) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return release;
}
