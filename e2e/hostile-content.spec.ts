import type { Page } from '@playwright/test';
import { errorMessage } from '../i18n';
import { XSS_GLOBAL, XSS_PAYLOADS } from '../tests/support/xss-payloads';
import { expect, test } from './fixtures';
import { pressWorkflow, unique } from './support';

/*
 * A story full of stored-XSS payloads — typed into its fields and pasted into its body as one HTML
 * blob — goes through review to readers. Every page that shows it, public or desk, is then opened
 * and must run nothing: no dialog, no global set by a payload, no event handler in the story's
 * markup, no script or data link anywhere on the page.
 */

const payload = (name: string) => XSS_PAYLOADS.find((p) => p.name === name)!.html;

/** Opens `path` on `page`, checks the story is shown (by its marker), and that nothing in it ran or survived. */
async function expectInert(page: Page, path: string, marker: string) {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  try {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByText(marker).first(), path).toBeAttached();
    // Handlers such as onerror, onload and ontoggle fire after load, each as a task of its own:
    // wait until the page has run out of work (the next frame, then an idle period).
    await page.waitForLoadState('load');
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve()))));
    const problems = await page.evaluate((global) => {
      const found: string[] = [];
      if (global in window) found.push(`window.${global} was set`);
      // The story's own markup, all inside main: rendered bodies (articles and labelled sections),
      // the editor's surface (the textbox), titles and listings.
      for (const element of Array.from(document.querySelectorAll('main *'))) {
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${element.localName}>`);
        }
        // The article page's own structured data is the one script an article holds, as its child.
        const structuredData = element.localName === 'script' && element.getAttribute('type') === 'application/ld+json' && element.parentElement?.localName === 'article';
        const inStory = element.closest('article, section[aria-label], section[aria-labelledby], [role="textbox"], h1, h2, h3');
        if (['script', 'iframe', 'object', 'embed', 'base', 'style', 'meta', 'math'].includes(element.localName) && inStory && !structuredData) {
          found.push(`<${element.localName}> in the story`);
        }
      }
      // Every link on the page, wherever it is.
      for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
        if (!['http:', 'https:', 'mailto:'].includes(new URL(link.href, location.href).protocol)) found.push(`link to ${link.getAttribute('href')}`);
      }
      return found;
    }, XSS_GLOBAL);
    expect(problems, path).toEqual([]);
    expect(dialogs, path).toEqual([]);
  } finally {
    page.off('dialog', onDialog);
  }
}

test('a story made of XSS payloads runs nothing on any public or desk page that shows it', async ({ browser, editorPage: editor, reviewerPage: reviewer }) => {
  test.setTimeout(90_000);
  const marker = unique('حبر');
  const title = `${payload('img onerror')} ${payload('double-quote attribute breakout')} ${marker}`;
  const summary = XSS_PAYLOADS.slice(0, 12)
    .map((p) => p.html)
    .join(' ');
  const byline = payload('textarea breakout');
  const tags = `${payload('svg onload')}، ${payload('template literal')}`;
  // Everything in the corpus, as a web page's clipboard would carry it.
  const blob = XSS_PAYLOADS.map((p) => `<p>${marker}</p>${p.html}`).join('\n');
  const typed = `${payload('script tag')} ${payload('title breakout')}`;

  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(title);
  await editor.getByLabel('الملخص').fill(summary);
  await editor.getByLabel('التوقيع').fill(byline);
  await editor.getByLabel('الوسوم').fill(tags);
  await editor.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  const surface = editor.getByRole('textbox', { name: 'نص المقال' });
  await surface.click();
  await editor.keyboard.insertText(typed);
  await surface.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', html);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, blob);
  await expect(surface).toContainText(marker);
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  const articlePath = new URL(editor.url()).pathname;
  const slug = await editor.getByLabel('رابط المقال').inputValue();

  // The desk editor shows the fields as the text they are.
  await expectInert(editor, articlePath, marker);
  await expect(editor.getByLabel('العنوان', { exact: true })).toHaveValue(title);
  await expect(editor.getByRole('textbox', { name: 'نص المقال' })).toContainText(typed);
  await pressWorkflow(editor, 'إرسال للمراجعة');

  // The reviewer's queue and review view, then approval.
  await expectInert(reviewer, '/desk/review', marker);
  await expectInert(reviewer, articlePath, marker);
  await expect(reviewer.getByRole('region', { name: 'معاينة كما سيراها القراء' })).toContainText(typed);
  await pressWorkflow(reviewer, 'اعتماد');

  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  await expectInert(editor, `${articlePath}/preview`, marker);
  await expectInert(editor, `${articlePath}/history`, marker);

  // Readers: the article, the home page, its section and search.
  const reader = await (await browser.newContext()).newPage();
  await expectInert(reader, `/articles/${encodeURIComponent(slug)}`, marker);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.getByRole('region', { name: 'نص الخبر' })).toContainText(typed);
  const sectionPath = await reader.getByRole('article').first().getByRole('link', { name: 'فلسطين', exact: true }).first().getAttribute('href');
  await expectInert(reader, '/', marker);
  await expectInert(reader, sectionPath!, marker);
  await expectInert(reader, `/search?q=${encodeURIComponent(marker)}`, marker);

  // Taken down again, so the stories other tests expect lead the home page and the feeds.
  await editor.goto(articlePath);
  await pressWorkflow(editor, 'إلغاء النشر');
  await reader.context().close();
});

test('a title far over the limit is cut by the field, and one forced past it is refused beside the field with the text kept', async ({ editorPage: editor }) => {
  // Laying out a megabyte of Arabic in one input takes the browser many seconds on a busy machine.
  test.slow();
  await editor.goto('/desk/articles/new');
  // The field's name grows by the error sentence once one is shown beside it.
  const titleField = editor.getByRole('textbox', { name: /^العنوان/ });

  // A 1 MB paste into the title: the field holds what a title may be, 300 characters.
  await titleField.click();
  await editor.keyboard.insertText('ن'.repeat(1024 * 1024));
  expect((await titleField.inputValue()).length).toBe(300);

  // A title forced past the field's limit reaches the server, which refuses it; nothing is created.
  await titleField.evaluate((input) => input.removeAttribute('maxlength'));
  const long = `${'خبر طويل '.repeat(600)}نهاية`;
  await titleField.fill(long);
  await editor.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor.getByText(errorMessage('FIELD_TOO_LONG'))).toBeVisible();
  await expect(editor.getByRole('status').filter({ hasText: errorMessage('INVALID_INPUT') })).toBeVisible();
  await expect(titleField).toHaveValue(long);
  await expect(editor).toHaveURL(/\/desk\/articles\/new$/);

  // A whole megabyte forced into the title would exceed the request limit: the form says so
  // without sending it, rather than mistaking the refusal for a lost connection.
  const huge = 'ن'.repeat(1024 * 1024);
  await titleField.fill(huge);
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: errorMessage('CONTENT_TOO_LARGE') })).toBeVisible();
  expect((await titleField.inputValue()).length).toBe(huge.length);
  await expect(editor).toHaveURL(/\/desk\/articles\/new$/);
});
