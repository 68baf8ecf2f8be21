import type { APIRequestContext, Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fs from 'node:fs';
import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { SAMPLE_SECTIONS, SAMPLE_STORIES } from '../db/seed-data/sample-stories';
import { slugify } from '../lib/arabic/slug';
import { articlePath, sectionPath, tagPath } from '../lib/seo/paths';
import { configFrom } from '../lib/config/server';
import { siteOrigin } from '../lib/seo/site-url';
import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './support';

/*
 * The public site against the seeded sample content. Expectations are derived from the seed
 * data itself (what is published, when, where), so adding sample stories does not break them.
 */

interface Story {
  title: string;
  summary: string;
  sectionSlug: string;
  tags: string[];
  hoursFromNow: number;
  author: string;
}

// The seed publishes the fixture story one hour before seeding, in فلسطين, by the editor.
const FIXTURE: Story = { title: fixture.title, summary: fixture.summary, sectionSlug: 'فلسطين', tags: fixture.tags, hoursFromNow: -1, author: 'editor' };
const PUBLISHED: Story[] = [FIXTURE, ...SAMPLE_STORIES.filter((s) => s.status === 'published')].sort((a, b) => b.hoursFromNow - a.hoursFromNow);
const HIDDEN = SAMPLE_STORIES.filter((s) => s.status !== 'published');
const ORIGIN = siteOrigin(configFrom(process.env));
const SHOTS = '/tmp/midad-site-shots';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'url', 'category'].includes(name) });

function sectionName(slug: string): string {
  return SAMPLE_SECTIONS.find((s) => s.slug === slug)!.name;
}

async function getXml(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  return { response, data: xml.parse(text) };
}

test.describe('public pages', () => {
  test('home shows the lead story, the latest stories and a block per section, and nothing unpublished', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 3, name: PUBLISHED[0]!.title }).first()).toBeVisible();
    for (const story of PUBLISHED.slice(0, 9)) {
      await expect(main.getByRole('link', { name: story.title }).first(), story.title).toBeVisible();
    }
    // A block for each section with stories besides the three featured at the top, which are
    // not repeated below.
    const featured = PUBLISHED.slice(0, 3);
    for (const slug of [...new Set(PUBLISHED.slice(3).map((s) => s.sectionSlug))]) {
      await expect(main.getByRole('heading', { level: 2, name: sectionName(slug) })).toBeVisible();
    }
    // «الأكثر قراءة» may list a featured story too, once readers have opened it; that is no repeat.
    const mostRead = main.getByRole('region', { name: 'الأكثر قراءة' });
    for (const story of featured) {
      const links = await main.getByRole('link', { name: story.title, exact: true }).count();
      expect(links - (await mostRead.getByRole('link', { name: story.title, exact: true }).count()), story.title).toBe(1);
    }
    const text = await main.innerText();
    for (const story of HIDDEN) expect(text, story.title).not.toContain(story.title);
  });

  test('the header names the site, lists the sections and searches with a plain GET form', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'أقسام الموقع' });
    for (const section of SAMPLE_SECTIONS) {
      await expect(nav.getByRole('link', { name: section.name, exact: true })).toHaveAttribute('href', sectionPath(section.slug));
    }
    const search = page.getByRole('search', { name: 'بحث' });
    const form = search.locator('xpath=self::form');
    await expect(form).toHaveAttribute('action', '/search');
    await expect(form).toHaveAttribute('method', 'get');
    await search.getByRole('searchbox', { name: 'بحث' }).fill('القدس');
    await search.getByRole('button', { name: 'بحث' }).click();
    await expect(page).toHaveURL(/\/search\?q=%D8%A7%D9%84%D9%82%D8%AF%D8%B3$/);
  });

  test('each section page lists its own published stories only', async ({ page }) => {
    for (const section of SAMPLE_SECTIONS) {
      const response = await page.goto(sectionPath(section.slug));
      expect(response?.status(), section.slug).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
      const main = page.getByRole('main');
      for (const story of PUBLISHED.filter((s) => s.sectionSlug === section.slug)) {
        await expect(main.getByRole('link', { name: story.title })).toBeVisible();
      }
      const text = await main.innerText();
      for (const story of [...HIDDEN, ...PUBLISHED.filter((s) => s.sectionSlug !== section.slug)]) {
        expect(text, `${story.title} on ${section.slug}`).not.toContain(story.title);
      }
    }
  });

  test('the article page has everything a reader expects', async ({ page }) => {
    await page.goto(articlePath(slugify(FIXTURE.title)));
    const article = page.getByRole('article').first();
    await expect(page.getByRole('heading', { level: 1, name: FIXTURE.title })).toBeVisible();
    // The standfirst: the summary as a paragraph of its own, outside the story text (whose first
    // paragraph repeats it in this story).
    const body = article.getByRole('region', { name: 'نص الخبر' });
    await expect(article.getByRole('paragraph').and(article.getByText(FIXTURE.summary, { exact: true }))).toHaveCount(2);
    await expect(body.getByText(FIXTURE.summary, { exact: true })).toHaveCount(1);
    await expect(article.getByRole('link', { name: 'بقلم يوسف حداد' })).toHaveAttribute('href', /^\/authors\/\d+$/);
    // The section link comes first, above the headline.
    await expect(article.getByRole('link', { name: sectionName('فلسطين'), exact: true }).first()).toHaveAttribute('href', sectionPath('فلسطين'));

    // Publication date in both calendars, machine-readable.
    const published = article.getByRole('paragraph').filter({ hasText: /^نُشر: / }).getByRole('time').first();
    const when = new Date((await published.getAttribute('datetime'))!);
    expect(Math.abs(Date.now() - 3600_000 - when.getTime())).toBeLessThan(30 * 60_000);
    await expect(published).toContainText(/\d{4}/);
    await expect(published).toContainText('هـ');
    await expect(article.getByText(/للقراءة$/)).toBeVisible();

    await expect(body.getByRole('paragraph')).toHaveCount(13);
    const tags = page.getByRole('region', { name: 'الوسوم' });
    for (const tag of FIXTURE.tags) {
      await expect(tags.getByRole('link', { name: tag, exact: true })).toHaveAttribute('href', tagPath(slugify(tag)));
    }
    const share = page.getByRole('region', { name: 'شارك الخبر' });
    const canonical = ORIGIN + articlePath(slugify(FIXTURE.title));
    await expect(share.getByRole('link', { name: 'شارك على فيسبوك' })).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`);
    await expect(share.getByRole('link')).toHaveCount(5);
    // No third-party script on a reader's page.
    const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    for (const src of scripts) expect(new URL(src).pathname.startsWith('/_next/'), src).toBe(true);
  });

  test('related stories share the section or a tag and are all published', async ({ page }) => {
    const story = PUBLISHED.find((s) => PUBLISHED.some((o) => o !== s && (o.sectionSlug === s.sectionSlug || o.tags.some((t) => s.tags.includes(t)))));
    expect(story, 'the seed has two related published stories').toBeDefined();
    await page.goto(articlePath(slugify(story!.title)));
    const related = page.getByRole('complementary', { name: 'أخبار ذات صلة' });
    const titles = await related.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      const other = PUBLISHED.find((s) => s.title === title);
      expect(other, title).toBeDefined();
      expect(other!.sectionSlug === story!.sectionSlug || other!.tags.some((t) => story!.tags.includes(t)), title).toBe(true);
    }
  });

  test('JSON-LD describes the article as a NewsArticle', async ({ page }) => {
    await page.goto(articlePath(slugify(FIXTURE.title)));
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(ORIGIN + articlePath(slugify(FIXTURE.title)));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: FIXTURE.title,
      description: FIXTURE.summary,
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      author: [{ '@type': 'Person', name: 'يوسف حداد' }],
      publisher: { name: 'مِداد', logo: { url: `${ORIGIN}/brand/logo.png` } },
      inLanguage: 'ar',
    });
    expect(Date.parse(data.datePublished)).not.toBeNaN();
    expect(Date.parse(data.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
    expect(data.image[0].url).toMatch(/^https?:\/\//);
    expect(data.author[0].url).toMatch(new RegExp(`^${ORIGIN}/authors/\\d+$`));
    // Social cards and the feed link.
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', FIXTURE.title);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('href', /\/feed\.xml$/);
    // The images the metadata points at exist.
    for (const path of ['/brand/logo.png', '/brand/card.png']) {
      const image = await page.request.get(path);
      expect(image.headers()['content-type']).toBe('image/png');
    }
  });

  test('tag and author pages list the stories with that tag or by that person', async ({ page }) => {
    const tag = FIXTURE.tags[0]!;
    await page.goto(articlePath(slugify(FIXTURE.title)));
    await page.getByRole('region', { name: 'الوسوم' }).getByRole('link', { name: tag, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tag);
    for (const story of PUBLISHED.filter((s) => s.tags.includes(tag))) {
      await expect(page.getByRole('main').getByRole('link', { name: story.title })).toBeVisible();
    }

    await page.goto(articlePath(slugify(FIXTURE.title)));
    await page.getByRole('link', { name: 'بقلم يوسف حداد' }).click();
    await expect(page).toHaveURL(/\/authors\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('يوسف حداد');
    const main = page.getByRole('main');
    for (const story of PUBLISHED.filter((s) => s.author === 'editor').slice(0, 20)) {
      await expect(main.getByRole('link', { name: story.title })).toBeVisible();
    }
    for (const story of PUBLISHED.filter((s) => s.author !== 'editor')) {
      await expect(main.getByRole('link', { name: story.title })).toHaveCount(0);
    }
  });

  test('only people with published stories have an author page', async ({ request }) => {
    const { data } = await getXml(request, '/sitemap.xml');
    const authorIds = (data.urlset.url as { loc: string }[])
      .map((u) => /\/authors\/(\d+)$/.exec(u.loc)?.[1])
      .filter((id): id is string => Boolean(id))
      .map(Number);
    expect(authorIds.length).toBeGreaterThan(0);
    for (let id = 1; id <= Math.max(...authorIds) + 3; id++) {
      const status = (await request.get(`/authors/${id}`)).status();
      expect(status, `/authors/${id}`).toBe(authorIds.includes(id) ? 200 : 404);
    }
  });
});

test.describe('feeds and sitemaps', () => {
  test('/feed.xml is RSS 2.0 of the published stories, newest first', async ({ request }) => {
    const { response, data } = await getXml(request, '/feed.xml');
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    expect(data.rss['@version']).toBe('2.0');
    const items = data.rss.channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string }[];
    expect(items.map((i) => i.title)).toEqual(PUBLISHED.slice(0, 30).map((s) => s.title));
    expect(items[0]!.link).toBe(ORIGIN + articlePath(slugify(PUBLISHED[0]!.title)));
    expect(items[0]!.guid['#text']).toBe(items[0]!.link);
    expect(Date.parse(items[0]!.pubDate)).not.toBeNaN();
  });

  test('each section has its own feed', async ({ request }) => {
    const slug = PUBLISHED[0]!.sectionSlug;
    const { data } = await getXml(request, `${sectionPath(slug)}/feed.xml`);
    const titles = ((data.rss.channel.item ?? []) as { title: string }[]).map((i) => i.title);
    expect(titles).toEqual(PUBLISHED.filter((s) => s.sectionSlug === slug).map((s) => s.title));
    expect((await request.get('/sections/no-such-section/feed.xml')).status()).toBe(404);
  });

  test('/sitemap.xml lists every published story and no unpublished one', async ({ request }) => {
    const { data } = await getXml(request, '/sitemap.xml');
    const locs = (data.urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(locs).toContain(`${ORIGIN}/`);
    for (const story of PUBLISHED) expect(locs, story.title).toContain(ORIGIN + articlePath(slugify(story.title)));
    for (const story of HIDDEN) expect(locs, story.title).not.toContain(ORIGIN + articlePath(slugify(story.title)));
    for (const section of SAMPLE_SECTIONS) expect(locs).toContain(ORIGIN + sectionPath(section.slug));
  });

  test('/news-sitemap.xml lists the last 48 hours only, in Google News form', async ({ request }) => {
    const { data } = await getXml(request, '/news-sitemap.xml');
    const urls = (data.urlset.url ?? []) as { loc: string; 'news:news': { 'news:title': string; 'news:publication_date': string; 'news:publication': { 'news:name': string; 'news:language': string } } }[];
    const recent = PUBLISHED.filter((s) => s.hoursFromNow >= -47);
    const old = PUBLISHED.filter((s) => s.hoursFromNow < -49);
    expect(old.length).toBeGreaterThan(0);
    expect(urls.map((u) => u['news:news']['news:title']).sort()).toEqual(recent.map((s) => s.title).sort());
    for (const url of urls) {
      expect(url['news:news']['news:publication']).toEqual({ 'news:name': 'مِداد', 'news:language': 'ar' });
      expect(Date.now() - Date.parse(url['news:news']['news:publication_date'])).toBeLessThan(48 * 3600_000);
    }
  });

  test('/robots.txt opens the site and names both sitemaps', async ({ request }) => {
    const text = await (await request.get('/robots.txt')).text();
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml`);
    expect(text).toMatch(/^Disallow: \/desk$/m);
  });
});

test.describe('without JavaScript', () => {
  test('a reader can go from the home page to a section and read a whole story', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'أقسام الموقع' }).getByRole('link', { name: 'فلسطين', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'فلسطين' })).toBeVisible();
    await page.getByRole('link', { name: FIXTURE.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: FIXTURE.title })).toBeVisible();
    const paragraphs = page.getByRole('region', { name: 'نص الخبر' }).getByRole('paragraph');
    await expect(paragraphs).toHaveCount(13);
    await expect(paragraphs.last()).toHaveText(fixture.paragraphs[12]!);
    await context.close();
  });
});

test.describe('caching and privacy', () => {
  test('an article page is served from the cache after its first request', async ({ request }) => {
    const path = articlePath(slugify(PUBLISHED[1]!.title));
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    const second = await request.get(path);
    expect(second.headers()['x-nextjs-cache']).toBe('HIT');
    expect(await second.text()).toContain(PUBLISHED[1]!.title);
    expect(second.headers()['cache-control']).not.toContain('private');
  });

  test('public pages set no cookie and are the same with or without one', async ({ request, browser }) => {
    const path = articlePath(slugify(FIXTURE.title));
    for (const p of ['/', path, sectionPath('فلسطين'), '/feed.xml']) {
      const response = await request.get(p);
      expect(response.headers()['set-cookie'], p).toBeUndefined();
    }
    const context = await browser.newContext();
    await context.addCookies([{ name: 'authjs.session-token', value: 'someone-else', url: 'http://127.0.0.1' }]);
    const withCookie = await (await context.request.get(path)).text();
    const without = await (await request.get(path)).text();
    const bodyOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(bodyOf(withCookie)).toBe(bodyOf(without));
    await context.close();
  });
});

test.describe('bad input', () => {
  test('answers 404, never 500, to odd URLs', async ({ request }) => {
    const section = sectionPath('فلسطين');
    const cases: [string, number][] = [
      [`${section}?page=1`, 200],
      [`${section}?page=-1`, 404],
      [`${section}?page=abc`, 404],
      [`${section}?page=0`, 404],
      [`${section}?page=99`, 404],
      [`${section}?page=1&page=2`, 404],
      ['/sections/no-such-section', 404],
      ['/tags/no-such-tag', 404],
      [`/tags/${encodeURIComponent(slugify(HIDDEN[0]!.tags[0]!))}`, PUBLISHED.some((s) => s.tags.includes(HIDDEN[0]!.tags[0]!)) ? 200 : 404],
      ['/authors/abc', 404],
      ['/authors/-1', 404],
      ['/authors/99999999999999', 404],
      [`/articles/${'x'.repeat(5000)}`, 404],
      [`/articles/${'ا'.repeat(1000)}`, 404],
      [`/articles/${encodeURIComponent('خبر')}%20%00`, 404],
      [`/articles/${encodeURIComponent(slugify(HIDDEN[0]!.title))}`, 404],
      [articlePath(slugify(FIXTURE.title)), 200],
      [`/articles/${slugify(FIXTURE.title)}`, 200],
    ];
    for (const [path, status] of cases) {
      expect((await request.get(path)).status(), path.slice(0, 80)).toBe(status);
    }
  });
});

test.describe('accessibility and looks', () => {
  // One page per test: axe and full-page screenshots are heavy on a busy machine, and each gets
  // its own time instead of sharing one budget with nine others.
  const axePages: [string, (page: Page) => Promise<string>][] = [
    ['home', async () => '/'],
    ['section', async () => sectionPath('فلسطين')],
    ['article', async () => articlePath(slugify(FIXTURE.title))],
    ['tag', async () => tagPath(slugify(FIXTURE.tags[0]!))],
    [
      'author',
      async (page) => {
        await page.goto(articlePath(slugify(FIXTURE.title)));
        return (await page.getByRole('link', { name: 'بقلم يوسف حداد' }).getAttribute('href'))!;
      },
    ],
  ];
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, pathOf] of axePages) {
      test(`axe finds no serious or critical issue on the ${name} page (${scheme})`, async ({ page }) => {
        test.slow();
        const path = await pathOf(page);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expectNoSeriousAxeViolations(page, `${path} (${scheme})`);
      });
    }
  }

  test('the skip link and focus outline work from the keyboard', async ({ page }) => {
    await page.goto(articlePath(slugify(FIXTURE.title)));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'انتقل إلى المحتوى' });
    await expect(skip).toBeFocused();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      test(`screenshots at ${width} px wide, ${colorScheme}`, async ({ browser }) => {
        test.slow();
        fs.mkdirSync(SHOTS, { recursive: true });
        const paths = { home: '/', article: articlePath(slugify(FIXTURE.title)), section: sectionPath(PUBLISHED[1]!.sectionSlug) };
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const [name, path] of Object.entries(paths)) {
          await page.goto(path);
          // Right to left: the masthead's name sits at the inline start, the right edge.
          const box = await page.getByRole('banner').getByRole('link', { name: 'مِداد' }).first().boundingBox();
          expect(box!.x + box!.width).toBeGreaterThan(width / 2);
          await page.screenshot({ path: `${SHOTS}/${name}-${width}-${colorScheme}.png`, fullPage: true });
        }
        await context.close();
      });
    }
  }
});

test.describe('site settings reach cached pages', () => {
  test('choosing Arabic-Indic digits shows them at once on pages already in the cache', async ({ adminPage: page, request }) => {
    const article = articlePath(slugify(FIXTURE.title));
    const dates = async (path: string) => {
      const html = await (await request.get(path)).text();
      return [...html.matchAll(/<time[^>]*>([\s\S]*?)<\/time>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    };
    await request.get(article);
    expect((await request.get(article)).headers()['x-nextjs-cache']).toBe('HIT');
    expect((await dates(article)).join(' ')).toMatch(/[0-9]/);

    const chooseDigits = async (label: RegExp) => {
      await page.goto('/desk/settings');
      await page.getByRole('radio', { name: label }).check();
      await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
      await expect(page.getByText('حُفظ.', { exact: true })).toBeVisible();
    };
    try {
      await chooseDigits(/٠١٢٣/);
      // The very next request: no waiting for a lifetime to pass.
      for (const path of [article, '/', sectionPath('فلسطين')]) {
        const shown = (await dates(path)).join(' ');
        expect(shown, path).toMatch(/[٠-٩]/);
        expect(shown, path).not.toMatch(/[0-9]/);
      }
    } finally {
      await chooseDigits(/0123/);
    }
    expect((await dates(article)).join(' ')).not.toMatch(/[٠-٩]/);
  });
});
