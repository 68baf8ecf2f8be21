import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { setDeskLanguage } from '@/lib/server/people/desk-language';
import type { Actor } from '@/lib/server/next/session';
import { driverName, freshDatabase, signedInActor } from '../helpers';

/**
 * The desk language follows the person: chosen on the sign-in page it lives in the browser; chosen
 * once signed in it is also kept with the account, and the account's choice wins in any browser.
 */

const request = vi.hoisted(() => ({
  actor: null as unknown,
  headers: new Headers(),
  cookies: new Map<string, string>(),
}));

vi.mock('@/lib/server/next/session', () => ({ getCurrentUser: async () => request.actor }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    set: (name: string, value: string) => request.cookies.set(name, value),
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));
vi.mock('@/auth', () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

let db: Database;
let editor: Actor;

const form = (locale: string) => {
  const data = new FormData();
  data.set('locale', locale);
  return data;
};
const storedLanguage = async (id: number) => (await db.select({ locale: users.locale }).from(users).where(eq(users.id, id)))[0]!.locale;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
});

afterAll(async () => {
  await closeConnection();
});

beforeEach(async () => {
  await db.update(users).set({ locale: null });
  request.actor = null;
  request.cookies.clear();
  request.headers = new Headers({ host: 'news.example', origin: 'https://news.example' });
});

// getDeskLocale is cached per request by React; each test imports a fresh module graph.
async function load() {
  vi.resetModules();
  const [{ setLocaleAction }, { getDeskLocale }] = await Promise.all([import('@/app/(desk)/desk/actions'), import('@/lib/server/next/locale')]);
  return { setLocaleAction, getDeskLocale };
}

describe(`the desk language (${driverName})`, () => {
  it('is remembered in the browser before anyone signs in, and no account changes', async () => {
    const { setLocaleAction, getDeskLocale } = await load();
    await setLocaleAction(form('en'));
    expect(request.cookies.get('midad-locale')).toBe('en');
    expect(await getDeskLocale()).toBe('en');
    expect((await db.select({ locale: users.locale }).from(users)).every((row) => row.locale === null)).toBe(true);
  });

  it('is kept with the account of a signed-in person, and the account wins over the browser', async () => {
    request.actor = editor;
    await (await load()).setLocaleAction(form('en'));
    expect(await storedLanguage(editor.id)).toBe('en');

    // Another browser, which remembers Arabic from its sign-in page.
    request.cookies.clear();
    request.cookies.set('midad-locale', 'ar');
    expect(await (await load()).getDeskLocale()).toBe('en');
  });

  it('falls back to the site language', async () => {
    expect(await (await load()).getDeskLocale()).toBe('ar');
    request.cookies.set('midad-locale', 'fr');
    expect(await (await load()).getDeskLocale()).toBe('ar');
  });

  it('changes nothing when posted from another site or with a language the desk does not have', async () => {
    request.actor = editor;
    request.headers = new Headers({ host: 'news.example', origin: 'https://evil.example' });
    await (await load()).setLocaleAction(form('en'));
    request.headers = new Headers({ host: 'news.example', origin: 'https://news.example' });
    await (await load()).setLocaleAction(form('fr'));
    expect(await storedLanguage(editor.id)).toBeNull();
    expect(request.cookies.size).toBe(0);
  });

  it('refuses an unknown language in the use case and the database alike', async () => {
    await expect(setDeskLanguage({ db, actor: editor }, 'fr')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(db.update(users).set({ locale: 'fr' }).where(eq(users.id, editor.id))).rejects.toThrow();
    expect(await storedLanguage(editor.id)).toBeNull();
  });
});
