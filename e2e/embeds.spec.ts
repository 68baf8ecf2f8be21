import type { Page } from '@playwright/test';
import { getMessages } from '../i18n';
import { expect, test } from './fixtures';
import { bodyJson, editorBox, expectNoSeriousAxeViolations, expectSaved, pressWorkflow, unique } from './support';

/*
 * Posts from other platforms, end to end: an editor embeds a YouTube video from the toolbar's
 * field and an X post by pasting its address, a forbidden address is refused beside the field with
 * the text kept, and the story goes through review to readers. A reader's page asks nothing of any
 * provider until «عرض» is pressed; then the frame is the privacy-enhanced YouTube one. Without
 * JavaScript the card is a plain link.
 */

const ar = getMessages('ar');
const YOUTUBE_ID = 'dQw4w9WgXcQ';
const YOUTUBE_CANONICAL = `https://www.youtube.com/watch?v=${YOUTUBE_ID}`;
const YOUTUBE_FRAME = `https://www.youtube-nocookie.com/embed/${YOUTUBE_ID}`;
const X_CANONICAL = 'https://x.com/AJArabic/status/1234567890123456789';
const FORGED = `https://youtube.com.evil.com/watch?v=${YOUTUBE_ID}`;

async function paste(page: Page, text: string) {
  await editorBox(page).evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The text of every script `page` downloads from now on. */
function scriptsOf(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.text().catch(() => ''));
  });
  return bodies;
}

test('embeds go from the desk to readers, who load nothing from a provider until they ask', async ({ browser, baseURL, editorPage: editor, reviewerPage: reviewer }) => {
  test.setTimeout(120_000);
  const title = unique('خبر مع تضمين');
  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(title);
  await editor.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  const surface = editorBox(editor);
  await surface.click();
  await editor.keyboard.insertText('مقدمة الخبر.');

  // A forbidden address pasted on its own line stays text, as any pasted address does.
  await editor.keyboard.press('Enter');
  await paste(editor, FORGED);
  await expect(surface).toContainText(FORGED);
  // An allowed one becomes an embed card, in its canonical form, never a frame.
  await editor.keyboard.press('Enter');
  await paste(editor, 'https://twitter.com/AJArabic/status/1234567890123456789?s=20');
  const xCard = surface.locator('figure[data-type="embed"][data-provider="x"]');
  await expect(xCard).toContainText(ar.embeds.providers.x);
  await expect(xCard).toContainText(X_CANONICAL);

  // The toolbar's field: a forbidden address is refused beside it, and what was typed stays.
  await editor.getByRole('button', { name: ar.editor.embed, exact: true }).click();
  const field = editor.getByRole('textbox', { name: ar.editor.embedUrl });
  await field.fill(FORGED);
  await editor.getByRole('button', { name: ar.editor.embedApply, exact: true }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(ar.editor.embedErrors.host.slice(0, 30)));
  await expect(editor.getByRole('alert').filter({ hasText: ar.editor.embedErrors.host })).toBeVisible();
  await expect(field).toHaveValue(FORGED);
  await field.fill(`javascript:alert(1)`);
  await editor.getByRole('button', { name: ar.editor.embedApply, exact: true }).click();
  await expect(editor.getByRole('alert').filter({ hasText: ar.editor.embedErrors.scheme })).toBeVisible();
  await expect(field).toHaveValue('javascript:alert(1)');
  await field.fill(`https://youtu.be/${YOUTUBE_ID}?si=shared`);
  await editor.getByRole('button', { name: ar.editor.embedApply, exact: true }).click();
  await expect(field).toHaveCount(0);
  const youtubeCard = surface.locator('figure[data-type="embed"][data-provider="youtube"]');
  await expect(youtubeCard).toContainText(ar.embeds.providers.youtube);
  await expect(youtubeCard).toContainText(YOUTUBE_CANONICAL);
  await expect(surface.locator('iframe')).toHaveCount(0);
  const body = JSON.parse(await bodyJson(editor)) as { content: { type: string; attrs?: Record<string, unknown> }[] };
  expect(body.content.filter((node) => node.type === 'embed').map((node) => node.attrs)).toEqual(
    expect.arrayContaining([
      { provider: 'x', url: X_CANONICAL },
      { provider: 'youtube', url: YOUTUBE_CANONICAL },
    ]),
  );

  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  await expectSaved(editor);
  const deskPath = new URL(editor.url()).pathname;
  const slug = await editor.getByLabel('رابط المقال').inputValue();
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  const articlePath = `/articles/${encodeURIComponent(slug)}`;
  const ownOrigin = new URL(baseURL!).origin;

  try {
    // A reader with JavaScript: every request the page makes goes to the site itself until «عرض».
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    const requests: string[] = [];
    reader.on('request', (request) => requests.push(request.url()));
    const scripts = scriptsOf(reader);
    const response = await reader.goto(articlePath);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain(
      'frame-src https://platform.twitter.com https://www.youtube-nocookie.com https://www.facebook.com https://www.instagram.com https://www.tiktok.com https://t.me',
    );
    const story = reader.getByRole('region', { name: ar.reader.storyText });
    const youtube = story.getByRole('figure', { name: ar.embeds.providers.youtube });
    const x = story.getByRole('figure', { name: ar.embeds.providers.x });
    // The button appears once the page's script is running.
    await expect(youtube.getByRole('button', { name: ar.embeds.show })).toBeVisible();
    await expect(x.getByRole('button', { name: ar.embeds.show })).toBeVisible();
    await expect(youtube.getByRole('link', { name: YOUTUBE_CANONICAL })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await reader.waitForLoadState('load');
    await expectNoSeriousAxeViolations(reader, 'an article with embeds');
    expect(requests.filter((url) => new URL(url).origin !== ownOrigin)).toEqual([]);
    await expect(story.locator('iframe')).toHaveCount(0);

    // «عرض» on the video: its frame, and only its frame, is asked for.
    await youtube.getByRole('button', { name: ar.embeds.show }).click();
    const frame = youtube.locator('iframe');
    await expect(frame).toHaveAttribute('src', YOUTUBE_FRAME);
    await expect(frame).toHaveAttribute('title', 'منشور من يوتيوب');
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox');
    await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin');
    await expect(frame).toHaveAttribute('loading', 'lazy');
    await expect.poll(() => requests.some((url) => url.startsWith(YOUTUBE_FRAME))).toBe(true);
    expect(requests.filter((url) => new URL(url).origin !== ownOrigin && new URL(url).origin !== 'https://www.youtube-nocookie.com')).toEqual([]);
    await expect(story.locator('iframe')).toHaveCount(1);
    await expect(x.getByRole('button', { name: ar.embeds.show })).toBeVisible();
    expect((await Promise.all(scripts)).some((text) => text.includes('data-embed-show'))).toBe(true);

    // A story without an embed: its page never downloads the embed script.
    const other = await readerContext.newPage();
    const otherScripts = scriptsOf(other);
    const { data } = (await (await other.request.get('/api/v1/articles?per_page=20')).json()) as { data: { slug: string }[] };
    const seeded = data.find((story) => story.slug !== slug);
    await other.goto(`/articles/${encodeURIComponent(seeded!.slug)}`);
    await other.waitForLoadState('networkidle');
    expect(await Promise.all(otherScripts)).not.toHaveLength(0);
    expect((await Promise.all(otherScripts)).some((text) => text.includes('data-embed-show'))).toBe(false);
    await readerContext.close();

    // Without JavaScript the card is the plain link, and no button is offered.
    const staticContext = await browser.newContext({ javaScriptEnabled: false });
    const staticReader = await staticContext.newPage();
    await staticReader.goto(articlePath);
    const staticStory = staticReader.getByRole('region', { name: ar.reader.storyText });
    await expect(staticStory.getByRole('link', { name: YOUTUBE_CANONICAL })).toHaveAttribute('href', YOUTUBE_CANONICAL);
    await expect(staticStory.getByRole('link', { name: X_CANONICAL })).toHaveAttribute('href', X_CANONICAL);
    await expect(staticStory.getByRole('button')).toHaveCount(0);
    await staticContext.close();

    // The content API gives the canonical links, never a frame.
    const api = await editor.request.get(`/api/v1/articles/${encodeURIComponent(slug)}`);
    const html = ((await api.json()) as { data: { body_html: string } }).data.body_html;
    expect(html).toContain(`<a href="${YOUTUBE_CANONICAL}"`);
    expect(html).toContain(`<a href="${X_CANONICAL}"`);
    expect(html).not.toContain('<iframe');
  } finally {
    // Taken down again, so the stories other tests expect lead the home page and the feeds.
    await editor.goto(deskPath);
    await pressWorkflow(editor, 'إلغاء النشر');
  }
});
