import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { HtmlReport, HtmlRules } from './html-report';

export type { HtmlReport, HtmlRules } from './html-report';

export interface BrowserHarness {
  /** The document the desk editor holds after `html` is pasted into an empty story. */
  paste(html: string): Promise<unknown>;
  /** Each fragment as the browser parses it: what is not allowed by the rules, and its text. */
  inspect(fragments: string[], rules: HtmlRules): Promise<HtmlReport[]>;
  /** Opens a page made of `html`, lets it load and settle, and tells whether any script ran. */
  load(html: string, global: string): Promise<{ dialogs: string[]; globalSet: boolean }>;
  /** Dialogs opened on the harness page itself (by pasting, say). */
  dialogs: string[];
  global(name: string): Promise<boolean>;
  close(): Promise<void>;
}

// Debian's chromium where installed, as the Playwright config does; Playwright's own elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

/**
 * A headless browser for integration tests that need a real HTML parser: Node has none, and the
 * browser is what readers and the desk use. The editor's paste path is bundled from the project's
 * own modules, so what is pasted here is parsed exactly as in the desk.
 */
export async function openBrowserHarness(): Promise<BrowserHarness> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./harness-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const browser: Browser = await chromium.launch({ executablePath: systemChromium, args: ['--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });

  return {
    dialogs,
    paste: (html) => page.evaluate((blob) => window.midadPaste(blob), html),
    inspect: (fragments, rules) => page.evaluate(([all, r]) => window.midadInspect(all, r), [fragments, rules] as const),
    global: (name) => page.evaluate((n) => n in window, name),
    async load(html, global) {
      const viewer: Page = await browser.newPage();
      const seen: string[] = [];
      viewer.on('dialog', (dialog) => {
        seen.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        await viewer.setContent(html, { waitUntil: 'load' });
        // Handlers such as onerror and ontoggle fire after load; give them a moment.
        await viewer.waitForTimeout(300);
        return { dialogs: seen, globalSet: await viewer.evaluate((n) => n in window, global) };
      } finally {
        await viewer.close();
      }
    },
    close: () => browser.close(),
  };
}
