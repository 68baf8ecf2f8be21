import type { Metadata } from 'next';

/*
 * An empty page, prerendered when the app is built for `npm run bench`, which compares every
 * public page with it, so each figure says what our pages cost beyond the framework and the root
 * layout (throughput, latency, JavaScript and CSS bytes). The `.bench.tsx` name keeps it out of
 * every other build: next.config.ts counts it as a page only when BENCH_BUILD=1, which the
 * benchmark's build sets. Nothing links to it and it is never indexed.
 */
export const dynamic = 'force-static';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

export default function EmptyBenchPage() {
  return <main />;
}
