import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/cache', () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock('@/lib/server/api/client', async (importActual) => {
  const actual = await importActual<typeof import('@/lib/server/api/client')>();
  const keys: Record<string, 'public' | 'partner'> = { 'Bearer test-partner-key': 'partner', 'Bearer test-public-key': 'public' };
  return {
    ...actual,
    apiAccess: async (request: Request) => {
      const audience = keys[request.headers.get('authorization') ?? ''];
      return audience ? { ok: true, client: { audience, keyId: 7 }, headers: { 'X-Test-Key': audience } } : actual.apiAccess(request);
    },
  };
});

import { closeConnection, type Database } from '@/db/client';
import { articles, sections, slugHistory } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { SAMPLE_STORIES } from '@/db/seed-data/sample-stories';
import { slugify } from '@/lib/arabic/slug';
import { apiErrorBody } from '@/lib/api/errors';
import type { Pagination } from '@/lib/api/http';
import { openApiDocument } from '@/lib/api/openapi';
import type { ApiArticle } from '@/lib/server/api/v1/articles';
import { paragraphsToDocument, renderDocumentToHtml } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { apiPath, call, PARTNER_KEY, preflight, PUBLIC_KEY, templateOf, type Caller } from './calls';
import { contractOf, references, resolvePointer, type Contract } from './contract';

/*
 * The content API against its own OpenAPI document: every endpoint's answers — lists, one story,
 * 304, 308, 400s, 404s — validated against the schemas served at /api/v1/openapi.json, and what
 * each kind of caller may read under the one visibility rule.
 */

const HOUR = 3600_000;
const TAG = 'وسم-الواجهة';

let db: Database;
let editor: Actor;
let reviewer: Actor;
let contract: Contract;
let sectionId: number;
const hidden: Record<'draft' | 'takenDown' | 'scheduled' | 'embargoed', { id: number; slug: string }> = {} as never;
let embargoEnds: Date;
let live: { id: number; slug: string };

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = async (actor: Actor, id: number, action: WorkflowAction, scheduledFor?: Date) =>
  transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await version(id), scheduledFor });

async function story(title: string, words: string[], steps: WorkflowAction[]) {
  const created = (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص الخبر', sectionId, tags: [TAG] }, body: paragraphsToDocument(words) })).value;
  for (const step of steps) await move(step === 'approve' ? reviewer : editor, created.id, step);
  const [row] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, created.id));
  return { id: created.id, slug: row!.slug };
}

/** Any item of any list, or one article: what the document allows, loosely typed for the checks. */
type Item = ApiArticle & { story_count: number; name: string };
interface Body {
  data: Item[] & Item;
  meta: { pagination: Pagination };
  error: { code: string; message: string; parameter?: string };
}
type Document = Omit<ReturnType<typeof openApiDocument>, 'paths'> & { paths: Record<string, { get: { responses: Record<string, unknown> } }> };

/** Calls the API and validates the answer against the document; returns the body. */
async function checked(pathAndQuery: string, caller: Caller = {}, status = 200): Promise<{ response: Response; body: Body }> {
  const response = await call(pathAndQuery, caller);
  expect(response.status, `${pathAndQuery} → ${response.status}`).toBe(status);
  const body = (await contract.check(templateOf(pathAndQuery), response.clone())) as Body;
  return { response, body };
}

const slugsOf = (body: { data: { slug: string }[] }) => body.data.map((a) => a.slug);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  [{ id: sectionId }] = (await db.insert(sections).values({ slug: 'قسم-الواجهة', name: 'قسم الواجهة' }).returning({ id: sections.id })) as [{ id: number }];

  live = await story('خبر الواجهة المنشور عن الكهرباء', ['انقطاع الكهرباء في الأحياء الشرقية'], ['submit', 'approve', 'publish']);
  hidden.draft = await story('خبر الواجهة المسودة', ['نص المسودة'], []);
  hidden.takenDown = await story('خبر الواجهة المسحوب', ['نص مسحوب'], ['submit', 'approve', 'publish', 'unpublish']);
  const scheduled = await story('خبر الواجهة المجدول', ['نص مجدول'], ['submit', 'approve']);
  await move(editor, scheduled.id, 'schedule', new Date(Date.now() + 2 * HOUR));
  hidden.scheduled = scheduled;
  const embargoed = await story('خبر الواجهة المحظور', ['نص محظور'], ['submit', 'approve']);
  embargoEnds = new Date(Math.ceil((Date.now() + HOUR) / 1000) * 1000);
  await setEmbargo({ db, actor: editor }, { articleId: embargoed.id, expectedVersion: await version(embargoed.id), until: embargoEnds, note: 'حتى المؤتمر' });
  await move(editor, embargoed.id, 'publish');
  hidden.embargoed = embargoed;
  await db.insert(slugHistory).values({ oldSlug: 'خبر-الواجهة-القديم', articleId: live.id });

  const response = await call('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  contract = contractOf(await response.json());
});
afterAll(() => closeConnection());

describe(`the OpenAPI document on ${driverName}`, () => {
  it('is OpenAPI 3.1 whose every reference resolves and whose every schema compiles', async () => {
    const document = contract.document as unknown as Document;
    expect(document.openapi).toMatch(/^3\.1\./);
    const refs = references(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const { at, ref } of refs) expect(resolvePointer(document, ref), `${ref} at ${at}`).toBeDefined();
    await checked('/api/v1/openapi.json');
  });

  it('describes every endpoint with its errors: 304, 400, 401 and 429 with Retry-After', () => {
    const document = contract.document as unknown as Document;
    expect(Object.keys(document.paths).sort()).toEqual(
      ['/api/v1/articles', '/api/v1/articles/{slug}', '/api/v1/authors', '/api/v1/openapi.json', '/api/v1/sections', '/api/v1/tags'].sort(),
    );
    for (const [path, item] of Object.entries(document.paths)) {
      for (const status of ['200', '304', '400', '401', '429']) expect(item.get.responses[status], `${status} of ${path}`).toBeDefined();
    }
    expect(document.paths['/api/v1/articles/{slug}']?.get.responses['404']).toBeDefined();
    expect(document.paths['/api/v1/articles/{slug}']?.get.responses['308']).toBeDefined();
    expect(document.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
  });
});

describe(`lists on ${driverName}`, () => {
  it('list the published stories, newest first, with pagination, Link, ETag, CORS and the pages’ Cache-Control', async () => {
    const { response, body } = await checked('/api/v1/articles?per_page=100');
    const published = SAMPLE_STORIES.filter((s) => s.status === 'published').map((s) => slugify(s.title));
    expect(slugsOf(body)).toEqual(expect.arrayContaining([...published, live.slug]));
    expect(body.meta.pagination).toEqual({ page: 1, per_page: 100, total: body.data.length, pages: 1 });
    const times = body.data.map((a: { published_at: string }) => Date.parse(a.published_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('vary')).toContain('Authorization');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=30$/);
    expect(response.headers.get('link')).toContain('rel="first"');
  });

  it('page with first, prev, next and last links that keep the other parameters', async () => {
    const all = (await checked('/api/v1/articles?per_page=100')).body.data.length as number;
    const { response, body } = await checked(`/api/v1/articles?per_page=2&page=2&section=${encodeURIComponent('قسم-الواجهة')}`);
    expect(body.meta.pagination.per_page).toBe(2);
    const first = await checked('/api/v1/articles?per_page=2&page=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.meta.pagination).toEqual({ page: 2, per_page: 2, total: all, pages: Math.ceil(all / 2) });
    const links = first.response.headers.get('link')!;
    expect(links).toContain('</api/v1/articles?per_page=2&page=1>; rel="first"');
    expect(links).toContain('</api/v1/articles?per_page=2&page=1>; rel="prev"');
    expect(links).toContain('</api/v1/articles?per_page=2&page=3>; rel="next"');
    expect(links).toContain(`</api/v1/articles?per_page=2&page=${Math.ceil(all / 2)}>; rel="last"`);
    expect(response.headers.get('link')).toContain('section=');
    // Past the end: an empty page, not an error.
    const beyond = await checked('/api/v1/articles?page=999');
    expect(beyond.body.data).toEqual([]);
  });

  it('filter by section, tag, author and updated_since, and search as the site searches', async () => {
    const bySection = await checked(`/api/v1/articles?section=${encodeURIComponent('قسم-الواجهة')}`);
    expect(slugsOf(bySection.body)).toEqual([live.slug]);
    const byTag = await checked(`/api/v1/articles?tag=${encodeURIComponent(slugify(TAG))}`);
    expect(slugsOf(byTag.body)).toEqual([live.slug]);
    const byAuthor = await checked(`/api/v1/articles?author=${editor.id}&per_page=100`);
    expect(slugsOf(byAuthor.body)).toContain(live.slug);
    expect(byAuthor.body.data.every((a: { author: { id: number } | null }) => a.author === null || a.author.id === editor.id)).toBe(true);
    const since = new Date(Date.now() - 60_000).toISOString();
    const recent = await checked(`/api/v1/articles?updated_since=${encodeURIComponent(since)}&per_page=100`);
    expect(slugsOf(recent.body)).toContain(live.slug);
    const future = await checked(`/api/v1/articles?updated_since=${encodeURIComponent(new Date(Date.now() + HOUR).toISOString())}`);
    expect(future.body.data).toEqual([]);
    // Written with another form of the letters: ه for ة, no hamza.
    const searched = await checked(`/api/v1/articles?q=${encodeURIComponent('الكهرباء الشرقيه')}`);
    expect(slugsOf(searched.body)).toEqual([live.slug]);
    expect(searched.body.meta.pagination.total).toBe(1);
    const inSection = await checked(`/api/v1/articles?q=${encodeURIComponent('الكهرباء')}&section=${encodeURIComponent('قسم-الواجهة')}`);
    expect(slugsOf(inSection.body)).toEqual([live.slug]);
    const unknown = await checked('/api/v1/articles?section=no-such-section');
    expect(unknown.body).toEqual({ data: [], meta: { pagination: { page: 1, per_page: 20, total: 0, pages: 0 } } });
  });

  it('list sections, and the tags and authors of readable stories', async () => {
    const listed = await checked('/api/v1/sections?per_page=100');
    expect(listed.body.data.map((s: { slug: string }) => s.slug)).toContain('قسم-الواجهة');
    const tags = await checked('/api/v1/tags?per_page=100');
    const ours = tags.body.data.find((t: { slug: string }) => t.slug === slugify(TAG));
    expect(ours?.story_count).toBe(1);
    const authors = await checked('/api/v1/authors');
    expect(authors.body.data.map((a: { id: number }) => a.id)).toContain(editor.id);
    expect(authors.body.data.map((a: { id: number }) => a.id)).not.toContain(reviewer.id);
    const paged = await checked('/api/v1/sections?per_page=1&page=2');
    expect(paged.body.data).toHaveLength(1);
  });
});

describe(`one article on ${driverName}`, () => {
  it('has its rendered body, plain text and metadata, never the editor’s document', async () => {
    const { response, body } = await checked(apiPath(live.slug));
    expect(body.data.slug).toBe(live.slug);
    // The article page's own renderer, from the content schema.
    expect(body.data.body_html).toBe(renderDocumentToHtml(paragraphsToDocument(['انقطاع الكهرباء في الأحياء الشرقية'])));
    expect(body.data.body_html).toMatch(/^<p[^>]*>انقطاع الكهرباء في الأحياء الشرقية<\/p>$/);
    expect(body.data.body_text).toBe('انقطاع الكهرباء في الأحياء الشرقية');
    expect(body.data.tags.map((t: { name: string }) => t.name)).toEqual([TAG]);
    // Published once, with nothing corrected or updated since.
    expect(body.data.notes).toEqual([]);
    expect(body.data.pubstatus).toBe('usable');
    expect(body.data.embargoed).toBeNull();
    const text = JSON.stringify(body);
    expect(text).not.toContain('"type":"doc"');
    expect(text).not.toContain('"content":[');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('answers 304 to a caller that has it, by its entity tag, weak or among others, and not for another', async () => {
    const first = await call(apiPath(live.slug));
    const etag = first.headers.get('etag')!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await call(apiPath(live.slug), { headers: { 'if-none-match': header } });
      expect(again.status, header).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      await contract.check('/api/v1/articles/{slug}', again);
    }
    const list = await call('/api/v1/articles');
    const notModified = await call('/api/v1/articles', { headers: { 'if-none-match': list.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    await contract.check('/api/v1/articles', notModified);
    expect((await call(apiPath(live.slug), { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('sends an earlier slug permanently to the API address of the current one', async () => {
    const { response } = await checked(apiPath('خبر-الواجهة-القديم'), {}, 308);
    expect(response.headers.get('location')).toBe(apiPath(live.slug));
  });

  it('answers 404 with the error body, in Arabic unless English is asked for', async () => {
    const { body } = await checked(apiPath('لا-خبر-بهذا'), {}, 404);
    expect(body).toEqual(apiErrorBody({ code: 'ARTICLE_NOT_FOUND' }, 'ar'));
    const english = await checked(apiPath('لا-خبر-بهذا'), { headers: { 'accept-language': 'en-GB,en;q=0.9,ar;q=0.5' } }, 404);
    expect(english.body.error.message).toBe('No published story has this slug.');
    for (const slug of ['%00', 'a%0Ab', encodeURIComponent('خ'.repeat(201)), '%E0%A4%A']) {
      const odd = await call(`/api/v1/articles/${slug}`);
      expect(odd.status, slug).toBe(404);
      await contract.check('/api/v1/articles/{slug}', odd);
    }
    const elsewhere = await call('/api/v1/nothing/here');
    expect(elsewhere.status).toBe(404);
    expect((await elsewhere.json()).error.code).toBe('NOT_FOUND');
  });
});

describe(`hostile parameters on ${driverName}`, () => {
  const corpus: [string, string, string | undefined][] = [
    ['/api/v1/articles?page=0', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?page=-1', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?page=1.5', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?page=1e3', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?page=99999999999999999999', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?page=', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?page=%D9%A2', 'INVALID_PAGE', 'page'],
    ['/api/v1/articles?per_page=0', 'INVALID_PER_PAGE', 'per_page'],
    ['/api/v1/articles?per_page=101', 'INVALID_PER_PAGE', 'per_page'],
    ['/api/v1/articles?per_page=-5', 'INVALID_PER_PAGE', 'per_page'],
    ['/api/v1/articles?per_page=ten', 'INVALID_PER_PAGE', 'per_page'],
    ['/api/v1/tags?per_page=1000000', 'INVALID_PER_PAGE', 'per_page'],
    ['/api/v1/articles?q=%00', 'INVALID_CHARACTERS', 'q'],
    ['/api/v1/articles?section=a%00b', 'INVALID_CHARACTERS', 'section'],
    [`/api/v1/articles?q=${'ب'.repeat(10_000)}`, 'INVALID_QUERY', 'q'],
    ['/api/v1/articles?q=', 'INVALID_QUERY', 'q'],
    ['/api/v1/articles?q=%22%22', 'INVALID_QUERY', 'q'],
    ['/api/v1/articles?q=x&tag=y', 'QUERY_NOT_COMBINABLE', 'tag'],
    ['/api/v1/articles?q=x&page=101', 'PAGE_TOO_DEEP', 'page'],
    ['/api/v1/articles?sort=title', 'UNKNOWN_PARAMETER', 'sort'],
    ['/api/v1/articles?__proto__=1', 'UNKNOWN_PARAMETER', '__proto__'],
    ['/api/v1/sections?section=x', 'UNKNOWN_PARAMETER', 'section'],
    ['/api/v1/articles?page=1&page=2', 'REPEATED_PARAMETER', 'page'],
    ['/api/v1/articles?author=abc', 'INVALID_AUTHOR', 'author'],
    ['/api/v1/articles?author=0', 'INVALID_AUTHOR', 'author'],
    ['/api/v1/articles?updated_since=yesterday', 'INVALID_UPDATED_SINCE', 'updated_since'],
    ['/api/v1/articles?updated_since=2026-02-30T10:00:00Z', 'INVALID_UPDATED_SINCE', 'updated_since'],
    ['/api/v1/articles?updated_since=2026-12-03T25:00:00Z', 'INVALID_UPDATED_SINCE', 'updated_since'],
    ['/api/v1/articles?updated_since=2026-12-03T10:00:00', 'INVALID_UPDATED_SINCE', 'updated_since'],
    [`/api/v1/articles?tag=${'x'.repeat(201)}`, 'INVALID_TAG', 'tag'],
    ['/api/v1/articles?section=%20', 'INVALID_SECTION', 'section'],
    [`${'/api/v1/articles/x'}?page=2`, 'UNKNOWN_PARAMETER', 'page'],
    ['/api/v1/openapi.json?x=1', 'UNKNOWN_PARAMETER', 'x'],
  ];

  const cases = corpus.map(([pathAndQuery, code, parameter]) => ({
    pathAndQuery,
    code,
    parameter,
    shown: pathAndQuery.length > 70 ? `${pathAndQuery.slice(0, 40)}… (${pathAndQuery.length} characters)` : pathAndQuery,
  }));

  it.each(cases)('$shown → 400 $code', async ({ pathAndQuery, code, parameter }) => {
    const { response, body } = await checked(pathAndQuery, {}, 400);
    expect(body.error.code).toBe(code);
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('names the parameter in the caller’s language', async () => {
    const ar = await call('/api/v1/articles?colour=red');
    expect((await ar.json()).error.message).toContain('«colour»');
    const en = await call('/api/v1/articles?colour=red', { headers: { 'accept-language': 'en' } });
    expect((await en.json()).error.message).toBe('The parameter “colour” is not known at this address.');
    expect(en.headers.get('vary')).toContain('Accept-Language');
  });

  it('accepts the largest page and page size it documents', async () => {
    await checked('/api/v1/articles?page=999999&per_page=100');
    await checked(`/api/v1/articles?updated_since=${encodeURIComponent('2026-12-03T10:00:00.123+03:00')}`);
  });
});

describe(`who reads what on ${driverName}`, () => {
  const readable = async (caller: Caller) => {
    const listed = slugsOf((await checked('/api/v1/articles?per_page=100', caller)).body);
    const found: Record<string, boolean> = {};
    for (const [name, story] of Object.entries(hidden)) {
      const one = await call(apiPath(story.slug), caller);
      expect([200, 404]).toContain(one.status);
      await contract.check('/api/v1/articles/{slug}', one.clone());
      found[name] = listed.includes(story.slug) || one.status === 200;
    }
    return found;
  };

  it('shows anonymous callers and public keys no draft, taken-down, not-yet-due or embargoed story, anywhere', async () => {
    const none = { draft: false, takenDown: false, scheduled: false, embargoed: false };
    expect(await readable({})).toEqual(none);
    expect(await readable({ key: PUBLIC_KEY })).toEqual(none);
    const tags = await checked('/api/v1/tags?per_page=100');
    expect(tags.body.data.find((t: { slug: string }) => t.slug === slugify(TAG))?.story_count).toBe(1);
    const searched = await checked(`/api/v1/articles?q=${encodeURIComponent('الواجهة')}`);
    expect(slugsOf(searched.body)).toEqual([live.slug]);
  });

  it('shows a partner the embargoed story, marked as embargoed until its time, and nothing else hidden', async () => {
    expect(await readable({ key: PARTNER_KEY })).toEqual({ draft: false, takenDown: false, scheduled: false, embargoed: true });
    const { response, body } = await checked(apiPath(hidden.embargoed.slug), { key: PARTNER_KEY });
    expect(body.data.pubstatus).toBe('embargoed');
    expect(body.data.embargoed).toBe(embargoEnds.toISOString());
    expect(body.data.published_at).toBe(embargoEnds.toISOString());
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-test-key')).toBe('partner');
    const listed = (await checked('/api/v1/articles?per_page=100', { key: PARTNER_KEY })).body.data;
    const usable = listed.filter((a: { slug: string }) => a.slug !== hidden.embargoed.slug);
    expect(usable.every((a) => a.pubstatus === 'usable' && a.embargoed === null)).toBe(true);
    const tags = await checked('/api/v1/tags?per_page=100', { key: PARTNER_KEY });
    expect(tags.body.data.find((t: { slug: string }) => t.slug === slugify(TAG))?.story_count).toBe(2);
  });

  it('never lets shared caches keep an answer to a call with a key, and refuses an unknown key', async () => {
    const keyed = await call('/api/v1/sections', { key: PUBLIC_KEY });
    expect(keyed.headers.get('cache-control')).toBe('private, no-store');
    expect(keyed.headers.get('etag')).toBeTruthy();
    const refused = await call('/api/v1/articles', { key: 'no-such-key' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    await contract.check('/api/v1/articles', refused);
  });

  it('answers a CORS preflight allowing the Authorization header', () => {
    const answer = preflight();
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(answer.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await call('/api/v1/articles', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe((await call('/api/v1/articles')).headers.get('etag'));
    expect(await head.text()).toBe('');
  });
});
