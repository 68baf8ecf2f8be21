import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { findEditableArticle } from '@/db/queries/desk';
import { searchAllArticles, searchPublishedArticles } from '@/db/queries/search';
import { findSiteArticle } from '@/db/queries/site-stories';
import { articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { slugify } from '@/lib/arabic/slug';
import { cleanLine } from '@/lib/arabic/text-fields';
import { renderDocumentToHtml } from '@/lib/content/render';
import type { ContentDocument, ContentNode } from '@/lib/content/types';
import type { ErrorCode } from '@/lib/errors';
import { LocalDirectoryStorage } from '@/lib/media/storage';
import { buildRssFeed } from '@/lib/seo/feed';
import { buildNewsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import { MAX_BYLINE_LENGTH, MAX_TAG_LENGTH } from '@/lib/server/articles/article-input';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import { uploadMedia } from '@/lib/server/media/upload-media';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { payloadHrefs, XSS_GLOBAL, XSS_PAYLOADS } from '../../support/xss-payloads';
import { openBrowserHarness, type BrowserHarness, type HtmlRules } from '../browser/harness';
import { driverName, freshDatabase, tempDir, signedInActor } from '../helpers';
import { deskFailure, refusal, storyState } from '../refusals';
import { gradient } from '../media-fixtures';

/*
 * Stored XSS: every payload of the corpus goes through the real create and save use cases in every
 * place a person can type, and through the editor's paste path. What readers and the desk are then
 * given — the rendered body, search highlights, JSON-LD, feeds — is parsed by a real browser and
 * must be inert. Whatever cannot be stored is refused with a translated code and changes nothing.
 */

const PAGE_URL = 'https://midad.test/articles/story';
const MEDIA_SRC = '^/media/[0-9a-f]{32}(?:-\\d{3,4})?$';
const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** What the content schema can render, and nothing more (docs/product.md §7). */
const BODY_RULES: HtmlRules = {
  elements: ['p', 'h2', 'h3', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'figure', 'figcaption', 'img', 'span'],
  attributes: [
    'dir', 'href', 'rel', 'target', 'title', 'class', 'start', 'type',
    'data-type', 'data-media-id', 'data-caption', 'data-credit',
    'src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding',
  ],
  linkProtocols: ['http:', 'https:', 'mailto:'],
  mediaSrc: MEDIA_SRC,
  pageUrl: PAGE_URL,
};
/** Search titles and snippets: escaped text with matched words in <mark>. */
const HIGHLIGHT_RULES: HtmlRules = { ...BODY_RULES, elements: ['mark'], attributes: [] };

let db: Database;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;
let image: { mediaId: number; src: string };
let browser: BrowserHarness;

const signedIn = (email: string, password: string) => signedInActor(db, email, password);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedIn('editor@midad.test', 'midad-editor-demo');
  reviewer = await signedIn('reviewer@midad.test', 'midad-reviewer-demo');
  sectionId = (await db.select().from(sections).limit(1))[0]!.id;
  const storage = new LocalDirectoryStorage(path.join(tempDir('midad-hostile-media-'), 'media'));
  const uploaded = (await uploadMedia({ db, actor: editor }, { data: await gradient(640, 360).png().toBuffer(), alt: 'صورة' }, storage)).value;
  image = { mediaId: uploaded.id, src: uploaded.src };
  browser = await openBrowserHarness();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await closeConnection();
});

const text = (value: string, marks?: ContentNode['marks']): ContentNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: ContentNode[]): ContentNode => ({ type: 'paragraph', content });
const doc = (...content: ContentNode[]): ContentDocument => ({ type: 'doc', content });
const plainBody = doc(paragraph(text('نص أول')));

/** A body with `payload` in every place the editor lets a person type text. */
function bodyCarrying(payload: string): ContentDocument {
  return doc(
    // A word every story shares, so search finds them all and shows the payload beside it. It comes
    // first: PostgreSQL's text-search parser takes some tag-like text for markup and skips what follows.
    paragraph(text(`مداد-علامة ${payload}`)),
    { type: 'heading', attrs: { level: 2 }, content: [text(payload)] },
    paragraph(text(payload)),
    paragraph(text(payload, [{ type: 'bold' }, { type: 'italic' }])),
    paragraph(text(payload, [{ type: 'link', attrs: { href: 'https://example.org/a?b=1', title: payload } }])),
    { type: 'blockquote', content: [paragraph(text(payload))] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(payload))] }] },
    { type: 'image', attrs: { ...image, alt: payload, caption: payload, credit: payload, width: 640, height: 360 } },
    {
      type: 'pullQuote',
      content: [
        { type: 'pullQuoteText', content: [text(payload)] },
        { type: 'pullQuoteAttribution', content: [text(payload)] },
      ],
    },
  );
}

/** The payload cut to a field's limit: bylines and tags are short (longer ones are refused, see hostile-text-fields). */
const fit = (payload: string, limit: number) => Array.from(payload).slice(0, limit).join('');
const versionOf = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = async (actor: Actor, id: number, action: WorkflowAction) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await versionOf(id) });

async function publish(id: number) {
  await move(editor, id, 'submit');
  await move(reviewer, id, 'approve');
  await move(editor, id, 'publish');
}

function visit(node: ContentNode, each: (node: ContentNode) => void) {
  each(node);
  node.content?.forEach((child) => visit(child, each));
}

describe(`stored XSS payloads typed into every field on ${driverName}`, () => {
  const stories: { payload: string; id: number; slug: string }[] = [];

  it(`stores all ${XSS_PAYLOADS.length} payloads as text through create and save, and publishes them`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    for (const [i, { html: payload }] of XSS_PAYLOADS.entries()) {
      const fields = { title: payload, summary: payload, byline: fit(payload, MAX_BYLINE_LENGTH), sectionId, tags: [fit(payload, MAX_TAG_LENGTH), `وسم-${i}`], slug: payload };
      const created = (await createArticle({ db, actor: editor }, { fields, body: bodyCarrying(payload) })).value;
      // The save use case too: the same payload again, now also in an added paragraph.
      const body = bodyCarrying(payload);
      body.content!.push(paragraph(text(`${payload} ${i}`)));
      await saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: created.version, fields, body });
      await publish(created.id);
      stories.push({ payload, id: created.id, slug: created.slug });
    }
  }, 180_000);

  it('keeps the fields as written (lines cleaned only of controls) and slugs free of markup', async () => {
    expect(stories, 'the stories of the first test').toHaveLength(XSS_PAYLOADS.length);
    for (const { payload, id, slug } of stories) {
      const found = await findSiteArticle(slug, new Date(), db);
      expect(found.kind, payload).toBe('article');
      if (found.kind !== 'article') continue;
      const line = cleanLine(payload);
      expect(found.article).toMatchObject({ title: line, summary: line, authorName: cleanLine(fit(payload, MAX_BYLINE_LENGTH)) });
      // Tags are one per slug: the payload's tag is the one its slug names (first spelling wins).
      const tag = found.article.tags.find((t) => t.slug === slugify(fit(payload, MAX_TAG_LENGTH)));
      expect(tag, payload).toBeDefined();
      expect(slugify(tag!.name)).toBe(tag!.slug);
      for (const s of [slug, ...found.article.tags.map((t) => t.slug)]) expect(s, payload).toMatch(SLUG);

      const desk = await findEditableArticle(id, db);
      expect(desk?.revision).toMatchObject({ title: line, summary: line, byline: cleanLine(fit(payload, MAX_BYLINE_LENGTH)) });
      // The body keeps the payload as plain text, wherever it was typed.
      const texts: string[] = [];
      visit(desk!.revision.body, (node) => node.text !== undefined && texts.push(node.text));
      expect(texts.filter((t) => t === payload)).toHaveLength(8);
      const figure = desk!.revision.body.content!.find((node) => node.type === 'image');
      expect(figure?.attrs).toMatchObject({ alt: payload, caption: payload, credit: payload });
    }
  });

  it('renders every published body inert, with each payload shown only as text', async () => {
    expect(stories, 'the stories of the first test').toHaveLength(XSS_PAYLOADS.length);
    const bodies = await Promise.all(
      stories.map(async ({ slug }) => {
        const found = await findSiteArticle(slug, new Date(), db);
        return found.kind === 'article' ? renderDocumentToHtml(found.article.body) : '';
      }),
    );
    const reports = await browser.inspect(bodies, BODY_RULES);
    reports.forEach((report, i) => {
      const { payload } = stories[i]!;
      expect(report.problems, payload).toEqual([]);
      // Seen as text: heading, paragraphs, link, quote, list, pull quote and caption each show it whole.
      expect(report.text.split(payload).length - 1, payload).toBeGreaterThanOrEqual(8);
    });

    // And loaded as a page, with no CSP to help, nothing runs.
    const page = await browser.load(`<!doctype html><html><body>${bodies.join('\n')}</body></html>`, XSS_GLOBAL);
    expect(page).toEqual({ dialogs: [], globalSet: false });
  });

  it('shows titles and snippets in public and desk search as escaped text with only <mark>', async () => {
    expect(stories, 'the stories of the first test').toHaveLength(XSS_PAYLOADS.length);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    // What search shows snippets from: the summary and the body's plain text.
    const sourceText = new Map<number, string>();
    for (const { id, slug } of stories) {
      const found = await findSiteArticle(slug, new Date(), db);
      if (found.kind === 'article') sourceText.set(id, squash(`${found.article.summary} ${found.article.bodyText}`));
    }
    const highlights: { payload: string; html: string; kind: 'title' | 'snippet'; source: string }[] = [];
    for (let page = 1; page <= 2; page++) {
      for (const search of [searchPublishedArticles, searchAllArticles]) {
        const outcome = await search({ q: 'مداد-علامة', page, pageSize: 50 }, db);
        expect(outcome.kind).toBe('results');
        if (outcome.kind !== 'results') continue;
        for (const hit of outcome.hits) {
          const story = stories.find((s) => s.id === hit.id);
          if (!story) continue;
          const source = sourceText.get(story.id)!;
          highlights.push({ payload: story.payload, html: hit.titleHtml, kind: 'title', source }, { payload: story.payload, html: hit.snippetHtml, kind: 'snippet', source });
        }
      }
    }
    // Every story, in both searches, with a title and a snippet.
    expect(highlights).toHaveLength(stories.length * 4);
    const reports = await browser.inspect(
      highlights.map((h) => h.html),
      HIGHLIGHT_RULES,
    );
    reports.forEach((report, i) => {
      const { payload, kind, source } = highlights[i]!;
      expect(report.problems, `${kind}: ${payload}`).toEqual([]);
      // The reader sees the story's own words: the whole title, or a window of the text.
      if (kind === 'title') expect(squash(report.text)).toBe(squash(cleanLine(payload)));
      else for (const part of squash(report.text).split('…').map((p) => p.trim()).filter(Boolean)) expect(source).toContain(part);
    });
    const page = await browser.load(`<!doctype html><html><body>${highlights.map((h) => `<p>${h.html}</p>`).join('')}</body></html>`, XSS_GLOBAL);
    expect(page).toEqual({ dialogs: [], globalSet: false });
  });

  it('keeps titles and summaries inside the JSON-LD script and the RSS feed as data', async () => {
    expect(stories, 'the stories of the first test').toHaveLength(XSS_PAYLOADS.length);
    const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false });
    for (const { payload, slug } of stories) {
      const found = await findSiteArticle(slug, new Date(), db);
      if (found.kind !== 'article') throw new Error(`story ${slug} is not public`);
      const { title, summary } = found.article;
      const line = cleanLine(payload);
      expect([title, summary]).toEqual([line, line]);
      const json = serializeJsonLd(
        buildNewsArticleJsonLd({
          url: PAGE_URL,
          headline: title,
          description: summary,
          datePublished: new Date(),
          dateModified: new Date(),
          authors: [{ name: title }],
          images: [],
          keywords: [title],
          language: 'ar',
          publisher: { name: 'مداد', url: 'https://midad.test/', logo: { url: 'https://midad.test/logo.png', width: 1, height: 1 } },
        }),
      );
      // Nothing in the script element can close it or open markup.
      expect(json, payload).not.toMatch(/[<>]/);
      expect(JSON.parse(json)).toMatchObject({ headline: title, description: summary, keywords: [title] });

      const feed = buildRssFeed({
        title: 'مداد',
        link: 'https://midad.test/',
        selfUrl: 'https://midad.test/feed.xml',
        description: 'مداد',
        language: 'ar',
        items: [{ title, url: PAGE_URL, summary, publishedAt: new Date(), author: title, categories: [title] }],
      });
      const item = xml.parse(feed).rss.channel.item;
      expect(item.title, payload).toBe(title);
      expect(item.description, payload).toBe(summary);
      // Markup in the text is escaped, never live in the feed.
      expect(feed).not.toMatch(/<(script|img|svg|iframe|a |style|meta|base|form|object|embed|math)/i);
    }
  });
});

/**
 * Whether a browser would read `href`, set as a link's target by the desk editor, as something
 * other than an http(s) or mailto link, or as a "relative" link that leaves the site (`//host`).
 * Node's URL is the WHATWG parser browsers use: it ignores the same spaces and controls.
 */
function isDangerousLink(href: string): boolean {
  let target: URL;
  try {
    target = new URL(href, PAGE_URL);
  } catch {
    return false; // no browser follows it
  }
  if (!BODY_RULES.linkProtocols.includes(target.protocol)) return true;
  const namesScheme = /^[a-z][a-z0-9+.-]*:/i.test(href.replace(/[\u0000-\u0020]/g, ''));
  return !namesScheme && target.origin !== new URL(PAGE_URL).origin;
}

describe(`payloads as link targets on ${driverName}`, () => {
  it('refuses every target a browser would read as script or as leaving the site, and changes nothing', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'خبر الروابط', sectionId }, body: plainBody })).value;
    const hrefs = payloadHrefs();
    expect(hrefs.length).toBeGreaterThan(XSS_PAYLOADS.length);
    let dangerousSeen = 0;
    const accepted: { href: string; html: string }[] = [];
    for (const href of hrefs) {
      const before = await storyState(db, created.id);
      const body = doc(paragraph(text('رابط', [{ type: 'link', attrs: { href } }])));
      const outcome = await saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await versionOf(created.id), fields: { title: 'خبر الروابط', sectionId }, body }).then(
        () => null,
        (error: unknown) => error,
      );
      if (isDangerousLink(href)) {
        dangerousSeen++;
        expect(outcome, `accepted ${JSON.stringify(href)}`).not.toBeNull();
      }
      if (outcome === null) {
        accepted.push({ href, html: renderDocumentToHtml((await findEditableArticle(created.id, db))!.revision.body as ContentDocument) });
      } else {
        expect(deskFailure(outcome).error, JSON.stringify(href)).toBe('CONTENT_BAD_LINK');
        expect(await storyState(db, created.id), JSON.stringify(href)).toEqual(before);
      }
    }
    // The corpus really exercises the refusal: most of its link targets are script or data URLs.
    expect(dangerousSeen).toBeGreaterThanOrEqual(25);
    const reports = await browser.inspect(
      accepted.map((a) => a.html),
      BODY_RULES,
    );
    reports.forEach((report, i) => expect(report.problems, JSON.stringify(accepted[i]!.href)).toEqual([]));
  }, 120_000);
});

describe(`payloads pasted into the editor on ${driverName}`, () => {
  it('become documents the server accepts, keep no script, handler or foreign link, and render inert', async () => {
    const bodies: string[] = [];
    for (const [i, { html: payload, name }] of XSS_PAYLOADS.entries()) {
      const pasted = (await browser.paste(`<p>قبل</p>${payload}<p>بعد</p>`)) as ContentDocument;
      const created = (await createArticle({ db, actor: editor }, { fields: { title: `لصق ${i}`, sectionId }, body: pasted })).value;
      const stored = (await findEditableArticle(created.id, db))!.revision.body;
      visit(stored, (node) => {
        expect(['doc', 'paragraph', 'heading', 'text', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'hardBreak'], name).toContain(node.type);
        for (const mark of node.marks ?? []) {
          if (mark.type === 'link') expect(new URL(String(mark.attrs?.href)).protocol, name).toMatch(/^https?:$/);
        }
      });
      bodies.push(renderDocumentToHtml(stored));
    }
    // Pasting ran nothing in the editor's page either.
    expect(browser.dialogs).toEqual([]);
    expect(await browser.global(XSS_GLOBAL)).toBe(false);

    const reports = await browser.inspect(bodies, BODY_RULES);
    reports.forEach((report, i) => expect(report.problems, XSS_PAYLOADS[i]!.name).toEqual([]));
    expect(await browser.load(`<!doctype html><html><body>${bodies.join('\n')}</body></html>`, XSS_GLOBAL)).toEqual({ dialogs: [], globalSet: false });
  }, 120_000);
});

describe(`bodies that cannot be stored on ${driverName}`, () => {
  it.each<[string, (payload: string) => unknown, ErrorCode]>([
    ['a NUL inside the text', (p) => doc(paragraph(text(`${p}\u0000`))), 'CONTENT_BAD_CHARACTER'],
    ['half a surrogate pair in an image caption', (p) => doc({ type: 'image', attrs: { ...image, alt: p, caption: `${p}\uD800` } }), 'CONTENT_BAD_CHARACTER'],
    ['a raw HTML key on a node', (p) => ({ type: 'doc', content: [{ type: 'paragraph', html: p }] }), 'CONTENT_INVALID'],
    ['an event handler as an attribute', (p) => doc({ type: 'paragraph', attrs: { onclick: p } }), 'CONTENT_INVALID'],
    ['a script node', (p) => doc({ type: 'script', content: [text(p)] }), 'CONTENT_INVALID'],
    ['an image from elsewhere', (p) => doc({ type: 'image', attrs: { ...image, src: 'javascript:alert(1)', alt: p } }), 'CONTENT_BAD_IMAGE'],
    ['a class on a link', (p) => doc(paragraph(text(p, [{ type: 'link', attrs: { href: '/x', class: p } }]))), 'CONTENT_INVALID'],
    ['a __proto__ key', (p) => JSON.parse(`{"type":"doc","content":[{"type":"paragraph","attrs":{"__proto__":{"dir":${JSON.stringify(p)}}}}]}`), 'CONTENT_FORBIDDEN_KEY'],
  ])('refuses %s with a translated code and leaves the story as it was', async (_name, make, code) => {
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'خبر سيبقى كما هو', sectionId, tags: ['ثابت'] }, body: plainBody })).value;
    const before = await storyState(db, created.id);
    for (const { html: payload } of XSS_PAYLOADS.slice(0, 5)) {
      const save = saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: created.version, fields: { title: payload, sectionId, tags: [payload] }, body: make(payload) });
      expect((await refusal(save)).error).toBe(code);
      expect((await refusal(createArticle({ db, actor: editor }, { fields: { title: payload, sectionId }, body: make(payload) }))).error).toBe(code);
      expect(await storyState(db, created.id)).toEqual(before);
    }
    const [stored] = await db.select({ n: count() }).from(articles).where(eq(articles.id, created.id));
    expect(stored!.n).toBe(1);
  });
});
