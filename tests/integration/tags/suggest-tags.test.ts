import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { sections, tags } from '@/db/schema';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { receiveTagSuggestions } from '@/lib/server/next/tag-suggestions';
import type { Actor } from '@/lib/server/next/session';
import { MAX_TAG_SUGGESTIONS, suggestTags } from '@/lib/server/tags/suggest-tags';
import { driverName, freshDatabase } from '../helpers';
import { createUser } from '../media-fixtures';
import { refusal } from '../refusals';

// Each request names its caller below; the session module (and the sign-in library behind it) stays out.
vi.mock('@/lib/server/next/session', () => ({ getCurrentUser: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

/*
 * The tag field's suggestions: existing tags matched as search matches Arabic, the best first, at
 * most ten; asked for through POST /api/desk/tags, which the desk pipeline guards.
 */

const SITE = 'http://midad.test';
let db: Database;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  editor = await createUser(db, 'editor');
  reviewer = await createUser(db, 'reviewer');
  const [section] = await db.insert(sections).values({ slug: 'politics', name: 'سياسة' }).returning({ id: sections.id });
  // Tags on stories (how often each is used orders equal matches), and tags on none.
  const story = (title: string, names: string[]) =>
    createArticle({ db, actor: editor }, { fields: { title, summary: '', sectionId: section!.id, tags: names }, body: paragraphsToDocument(['نص']) });
  await story('خبر أول', ['إسرائيل', 'الاحتلال الإسرائيلي', 'غزة']);
  await story('خبر ثان', ['الاحتلال الإسرائيلي', 'مدرسة']);
  await story('خبر ثالث', ['الاحتلال الإسرائيلي']);
  await db.insert(tags).values([
    { slug: 'sport-tag', name: 'Sport' },
    { slug: 'percent', name: 'نسبة 50% من الأصوات' },
    { slug: 'underscore', name: 'a_b' },
    { slug: 'madrasa-diacritics', name: 'مـدْرَسَة الحيّ' },
  ]);
});
afterAll(() => closeConnection());

const suggest = async (query: unknown, actor: Actor = editor) => (await suggestTags({ db, actor }, { query })).value.tags;

describe(`tag suggestions on ${driverName}`, () => {
  it('finds a tag typed with another hamza, names that start with it first, then the most used', async () => {
    expect(await suggest('اسرائيل')).toEqual(['إسرائيل', 'الاحتلال الإسرائيلي']);
    expect(await suggest('الاسرائيلي')).toEqual(['الاحتلال الإسرائيلي']);
  });

  it('ignores ta marbuta, tatweel and diacritics on either side, and Latin case', async () => {
    expect(await suggest('مدرسه')).toEqual(['مدرسة', 'مـدْرَسَة الحيّ']);
    expect(await suggest('مَدْرَسَـة')).toEqual(['مدرسة', 'مـدْرَسَة الحيّ']);
    expect(await suggest('sPoRt')).toEqual(['Sport']);
  });

  it('reads % and _ as the characters they are, not as patterns', async () => {
    expect(await suggest('50%')).toEqual(['نسبة 50% من الأصوات']);
    expect(await suggest('%')).toEqual(['نسبة 50% من الأصوات']);
    expect(await suggest('_')).toEqual(['a_b']);
  });

  it('answers nothing for nothing typed, and nothing for a name no tag has', async () => {
    expect(await suggest('   ')).toEqual([]);
    expect(await suggest('لا وسم بهذا الاسم')).toEqual([]);
  });

  it('answers at most ten', async () => {
    await db.insert(tags).values(Array.from({ length: 14 }, (_, i) => ({ slug: `many-${i}`, name: `كثير ${i}` })));
    const found = await suggest('كثير');
    expect(found).toHaveLength(MAX_TAG_SUGGESTIONS);
    expect(MAX_TAG_SUGGESTIONS).toBe(10);
  });

  it('is open to every desk role, a reviewer too', async () => {
    expect(await suggest('غزه', reviewer)).toEqual(['غزة']);
  });

  it('refuses a query longer than a tag may be, or that is not text', async () => {
    expect(await refusal(suggestTags({ db, actor: editor }, { query: 'ن'.repeat(61) }))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { tags: 'INVALID_INPUT' } });
    expect((await refusal(suggestTags({ db, actor: editor }, { query: ['اسرائيل'] }))).error).toBe('INVALID_INPUT');
    expect(await suggest('ن'.repeat(60))).toEqual([]);
  });
});

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request(`${SITE}/api/desk/tags`, { method: 'POST', headers: { origin: SITE, host: 'midad.test', 'content-type': 'application/json', ...headers }, body });

async function send(request: Request, actor: Actor | null) {
  const response = await receiveTagSuggestions(request, { db, currentUser: async () => actor });
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe(`POST /api/desk/tags on ${driverName}`, () => {
  it('answers a signed-in desk person with the suggestions', async () => {
    const { status, json } = await send(post(JSON.stringify({ query: 'اسرائيل' })), editor);
    expect(status).toBe(201);
    expect(json).toMatchObject({ ok: true, value: { tags: ['إسرائيل', 'الاحتلال الإسرائيلي'] } });
  });

  it('refuses a caller without a session', async () => {
    const { status, json } = await send(post(JSON.stringify({ query: 'اسرائيل' })), null);
    expect(status).toBe(401);
    expect(json).toMatchObject({ ok: false, error: 'UNAUTHENTICATED' });
  });

  it('refuses a post from another site, or with no Origin, before the session is looked up', async () => {
    for (const origin of ['https://elsewhere.test', '']) {
      const request = post(JSON.stringify({ query: 'اسرائيل' }), { origin });
      if (!origin) request.headers.delete('origin');
      const response = await receiveTagSuggestions(request, {
        db,
        currentUser: async () => {
          throw new Error('the session must not be read');
        },
      });
      expect(response.status).toBe(403);
    }
  });

  it('refuses a body that is not JSON, too long, or a query past the limit, with a sentence', async () => {
    for (const body of ['not json', JSON.stringify({ query: 'ن'.repeat(5000) }), JSON.stringify({ query: 'ن'.repeat(61) }), JSON.stringify({ nothing: true })]) {
      const { status, json } = await send(post(body), editor);
      expect(status, body.slice(0, 20)).toBe(400);
      expect(json).toMatchObject({ ok: false, error: 'INVALID_INPUT' });
      expect(String(json.message)).toMatch(/\S{3}/);
    }
  });
});
