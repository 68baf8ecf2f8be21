import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeskSearchParams } from '@/app/(desk)/desk/search/params';
import { readSearchParams } from '@/app/(site)/search/params';
import { closeConnection, type Database } from '@/db/client';
import { MAX_SUGGESTION_WORDS, searchAllArticles, searchPublishedArticles, type SearchOutcome } from '@/db/queries/search';
import { getSiteSettings } from '@/db/queries/settings';
import { seedDatabase } from '@/db/seed';
import { parseSearchQuery } from '@/lib/search/query';
import { MAX_SEARCH_PAGE } from '@/lib/search/request';
import { hostileSearchParams } from '../../support/hostile-queries';
import { driverName, freshDatabase } from '../helpers';

/*
 * Search is the one public page that sends what a stranger typed to the database. Whatever arrives
 * in its parameters — text PostgreSQL cannot take, tsquery syntax, strings past every limit, a
 * misspelt essay — it answers with results or a reason, never an exception, and "did you mean"
 * does a bounded amount of work.
 */

const SEED = 20_261_202;
const COUNT = 1_000;

let db: Database;
let timeZone: string;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  timeZone = (await getSiteSettings(db)).timeZone;
});
afterAll(() => closeConnection());

/** The database handle with a count of the statements sent through it. */
function counting(database: Database) {
  const counter = { statements: 0 };
  const counted = new Proxy(database, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'execute' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counter.statements++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: counted, counter };
}

function expectWellFormed(outcome: SearchOutcome<unknown>, where: string) {
  if (outcome.kind === 'refused') {
    expect(['empty', 'tooLong', 'noTerms', 'tooManyTerms'], where).toContain(outcome.reason);
    return;
  }
  expect(outcome.total, where).toBeGreaterThanOrEqual(0);
  expect(outcome.page, where).toBeGreaterThanOrEqual(1);
  expect(outcome.page, where).toBeLessThanOrEqual(MAX_SEARCH_PAGE);
  expect(outcome.hits.length, where).toBeLessThanOrEqual(outcome.pageSize);
  for (const term of outcome.terms) expect(term.text, where).not.toMatch(/[\u0000-\u001F]/);
  if (outcome.suggestion !== null) expect(parseSearchQuery(outcome.suggestion).ok, where).toBe(true);
}

describe(`hostile search parameters on ${driverName}`, () => {
  it(`${COUNT} generated requests (seed ${SEED}) get results or a reason from both searches, never an exception`, async () => {
    for (const [i, raw] of hostileSearchParams(SEED, COUNT).entries()) {
      const where = `seed ${SEED} #${i}: ${JSON.stringify(raw).slice(0, 300)}`;
      const site = readSearchParams(raw);
      const desk = readDeskSearchParams(raw);
      for (const run of [
        () => searchPublishedArticles({ q: site.q, page: site.page, sectionSlug: site.section || undefined, from: site.from || undefined, to: site.to || undefined, timeZone }, db),
        () => searchAllArticles({ q: desk.q, statuses: desk.status ? [desk.status] : [], page: desk.page }, db),
      ]) {
        let outcome: SearchOutcome<unknown>;
        try {
          outcome = await run();
        } catch (error) {
          expect.fail(`${where}\nthrew ${String(error)}`);
        }
        expectWellFormed(outcome, where);
      }
      // PGlite answers within the microtask queue; let the test runner's own messages through.
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // About 2 000 searches, most of them sending "did you mean" to work: minutes on a busy machine.
  }, 900_000);

  it.each([
    ['NUL inside a word', { q: 'غز\u0000ة' }],
    ['NUL alone', { q: '\u0000' }],
    ['NUL in the section', { q: 'القدس', sectionSlug: '\u0000' }],
    ['NUL in the dates and time zone', { q: 'القدس', from: '2026-01-01\u0000', to: '\u0000', timeZone: 'Asia/\u0000' }],
    ['a lone high surrogate', { q: 'القدس \uD800' }],
    ['a lone low surrogate in the section', { q: 'القدس', sectionSlug: 'سياسة\uDC00' }],
    ['C1 controls and bidi overrides', { q: '\u0085\u009F\u202Eالقدس\u202C\u2066' }],
    ['tsquery syntax', { q: "!(القدس & غزة) | 'x':* <-> y:A" }],
    ['a repeated parameter as an array', { q: ['القدس', 'غزة'] as unknown as string }],
  ])('%s', async (_name, request) => {
    const outcome = await searchPublishedArticles(request, db);
    expectWellFormed(outcome, JSON.stringify(request));
    const staff = await searchAllArticles({ ...request, statuses: ['draft', 'nonsense' as never] }, db);
    expectWellFormed(staff, JSON.stringify(request));
  });

  it('finds the same stories with the NUL as with a space in its place', async () => {
    const clean = await searchPublishedArticles({ q: 'اسماعيل هنيه' }, db);
    const dirty = await searchPublishedArticles({ q: 'اسماعيل\u0000هنيه' }, db);
    expect(clean.kind === 'results' && clean.total).toBeGreaterThan(0);
    expect(dirty).toEqual(clean);
  });
});

describe(`"did you mean" does bounded work on ${driverName}`, () => {
  // Near misses of seeded words, each one letter off: every one of them sends the suggestion to
  // the lexicon and then to the documents.
  const misspelt = ['اسمعيل', 'هنيي', 'التطبيغ', 'فلسطبن', 'الصفه', 'المقاومه', 'الاحتلاال', 'القدسس', 'المسجدد', 'الاقصي'];

  it('looks up every word in one statement, and the corrected query in one more', async () => {
    const { db: counted, counter } = counting(db);
    const outcome = await searchPublishedArticles({ q: misspelt.join(' '), timeZone }, counted);
    expect(outcome.kind).toBe('results');
    // The search itself (1), the words (1), the corrected query (1).
    expect(counter.statements).toBeLessThanOrEqual(3);

    counter.statements = 0;
    const phrase = `"${[...misspelt, ...misspelt.map((w) => `${w}ي`), ...misspelt.map((w) => `و${w}`)].join(' ')}"`.slice(0, 198) + '"';
    await searchPublishedArticles({ q: phrase, timeZone }, counted);
    expect(counter.statements).toBeLessThanOrEqual(3);
  });

  it(`still corrects within its first ${MAX_SUGGESTION_WORDS} words, keeping the rest as typed`, async () => {
    const outcome = await searchPublishedArticles({ q: 'اسمعيل' }, db);
    expect(outcome).toMatchObject({ total: 0, suggestion: 'اسماعيل' });
    const beyond = Array.from({ length: MAX_SUGGESTION_WORDS }, (_, i) => `كلمهمفقوده${'ب'.repeat(i)}`);
    const late = await searchPublishedArticles({ q: [...beyond, 'اسمعيل'].join(' ') }, db);
    // The misspelling past the limit is not looked at; nothing else can be corrected.
    expect(late).toMatchObject({ total: 0, suggestion: null });
  });

  it('answers the same misspelt query again from memory, however it is spelt', async () => {
    const { db: counted, counter } = counting(db);
    const first = await searchPublishedArticles({ q: 'فلسطبن التطبيغ', timeZone }, counted);
    const firstCost = counter.statements;
    expect(firstCost).toBeGreaterThan(1);
    counter.statements = 0;
    // Tashkeel, tatweel and another alef form normalise to the same query.
    const again = await searchPublishedArticles({ q: 'فِلَسْطبن   التطبيـغ', timeZone }, counted);
    expect(counter.statements).toBe(1);
    expect(again.kind === 'results' && again.suggestion).toBe(first.kind === 'results' && first.suggestion);

    // Other filters are another question: worked out afresh.
    counter.statements = 0;
    await searchPublishedArticles({ q: 'فلسطبن التطبيغ', sectionSlug: 'رياضة', timeZone }, counted);
    expect(counter.statements).toBeGreaterThan(1);
  });

  it('works a flood of the same misspelling out once', async () => {
    const { db: counted, counter } = counting(db);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => searchPublishedArticles({ q: 'زخرفشطيلمك ثقبذغضط', timeZone }, counted)));
    for (const outcome of outcomes) expect(outcome).toMatchObject({ kind: 'results', total: 0, suggestion: null });
    // 50 searches, and one suggestion look-up between them.
    expect(counter.statements).toBe(50 + 1);
  });
});
