import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs the Next CLI as a child with the terminal attached, forwarding stop signals so that
 * stopping this process stops the server (and releases the embedded database).
 */
export function runNext(args: string[]): void {
  const bin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  // Listen on loopback unless told otherwise (`npm run dev -- -H 0.0.0.0` to share on a network).
  const hostArgs = args.some((a) => a === '-H' || a.startsWith('--hostname')) ? [] : ['--hostname', '127.0.0.1'];
  const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NODE_OPTIONS: withClientAddressStamp(process.env.NODE_OPTIONS) };
  const child = spawn(process.execPath, [bin, ...args, ...hostArgs], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/**
 * Node options that preload the stamp of each request's socket address (the only client address
 * nobody can forge). Through NODE_OPTIONS rather than an argument because `next dev` runs the
 * server in a child process that inherits the environment, not the arguments.
 */
export function withClientAddressStamp(existing: string | undefined): string {
  const preload = pathToFileURL(path.join(process.cwd(), 'scripts', 'stamp-client-address.mjs')).href;
  return [`--import=${preload}`, existing?.trim()].filter(Boolean).join(' ');
}
