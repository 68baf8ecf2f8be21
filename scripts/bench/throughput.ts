/* Throughput and latency of one URL under a fixed number of connections, with autocannon. */
import autocannon, { type Result } from 'autocannon';

export interface LoadRun {
  name: string;
  url: string;
  connections: number;
  /** Measured seconds (after the warm-up). */
  seconds: number;
  /** Mean of the per-second request counts. */
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytesPerRequest: number;
}

export function summarise(name: string, result: Result): LoadRun {
  const { latency, requests } = result;
  return {
    name,
    url: result.url,
    connections: result.connections,
    seconds: result.duration,
    requestsPerSecond: requests.average,
    totalRequests: requests.total,
    latencyMs: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.mean },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    bytesPerRequest: requests.total ? Math.round(result.throughput.total / requests.total) : 0,
  };
}

/**
 * Keeps `connections` connections busy on `url` (each sends its next request when the last is
 * answered) for a warm-up, then measures for `seconds`.
 */
export async function measureLoad(name: string, url: string, options: { connections: number; seconds: number; warmupSeconds: number }): Promise<LoadRun> {
  const warmup = { connections: options.connections, duration: options.warmupSeconds };
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.warmupSeconds > 0 ? { warmup } : {}),
  });
  return summarise(name, result);
}
