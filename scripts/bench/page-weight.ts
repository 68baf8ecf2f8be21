/*
 * What a page makes the browser download: the script and stylesheet files it loads (until the
 * network is quiet, so chunks loaded after start-up count too) and the inline scripts of its
 * HTML, raw and gzip-compressed here (level 9) whatever the server sent.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Response } from '@playwright/test';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  name: string;
  path: string;
  status: number;
  html: Bytes;
  /** Script files. */
  js: Bytes & { files: number };
  /** Inline scripts of the HTML (Next's page data and bootstrap), JSON-LD excluded. */
  inlineJs: Bytes & { scripts: number };
  css: Bytes & { files: number };
  files: { url: string; kind: 'js' | 'css'; raw: number; gzip: number }[];
}

const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** Opens `path` in a fresh context (an empty cache) and weighs what it loads. */
export async function measurePageWeight(browser: Browser, name: string, path: string, contextOptions: BrowserContextOptions): Promise<PageWeight> {
  const context = await browser.newContext(contextOptions);
  try {
    const page = await context.newPage();
    const loaded: { response: Response; kind: 'js' | 'css' }[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') loaded.push({ response, kind: type === 'script' ? 'js' : 'css' });
    });
    const document = await page.goto(path, { waitUntil: 'load' });
    if (!document) throw new Error(`${path}: no response`);
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const html = await document.body();

    const seen = new Set<string>();
    const files: PageWeight['files'] = [];
    for (const { response, kind } of loaded) {
      if (seen.has(response.url())) continue;
      seen.add(response.url());
      const body = await response.body().catch(() => null);
      if (body) files.push({ url: new URL(response.url()).pathname, kind, raw: body.length, gzip: gzipSize(body) });
    }
    const inline = await page.$$eval('script:not([src])', (scripts) =>
      (scripts as HTMLScriptElement[]).filter((s) => !s.type || /javascript|module/i.test(s.type)).map((s) => s.textContent ?? ''),
    );
    const sum = (kind: 'js' | 'css') => {
      const of = files.filter((f) => f.kind === kind);
      return { raw: of.reduce((n, f) => n + f.raw, 0), gzip: of.reduce((n, f) => n + f.gzip, 0), files: of.length };
    };
    return {
      name,
      path,
      status: document.status(),
      html: { raw: html.length, gzip: gzipSize(html) },
      js: sum('js'),
      inlineJs: { raw: Buffer.byteLength(inline.join('')), gzip: inline.length ? gzipSize(inline.join('\n')) : 0, scripts: inline.length },
      css: sum('css'),
      files,
    };
  } finally {
    await context.close();
  }
}
