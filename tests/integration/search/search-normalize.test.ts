import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection } from '@/db/client';
import { normalizeArabic } from '@/lib/arabic/normalize';
import { driverName, freshDatabase } from '../helpers';

/*
 * The normalisation exists twice, as normalizeArabic() for queries and as the SQL function
 * midad_normalize_arabic() for indexed stories. A story is found only if both give the same text,
 * so this compares them on thousands of generated strings built from every kind of character the
 * rules touch, plus neighbours they must leave alone.
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const chars = (text: string) => Array.from(text, (c) => c.codePointAt(0)!);

const POOLS: { weight: number; codePoints: number[] }[] = [
  { weight: 10, codePoints: range(0x0621, 0x064a) }, // Arabic letters
  { weight: 6, codePoints: chars('أإآٱءؤئىةاويه') }, // hamza, alef, alef maqsura, taa marbuta
  { weight: 5, codePoints: [...range(0x064b, 0x065f), 0x0670] }, // tashkeel and superscript alef
  { weight: 2, codePoints: [0x0640] }, // tatweel
  { weight: 3, codePoints: [...range(0x0660, 0x066c), ...range(0x06f0, 0x06f9), ...range(0x30, 0x39)] }, // digits
  { weight: 3, codePoints: chars('یکگپچژۀەےۓ') }, // Persian and Urdu letters
  {
    weight: 3, // bidi controls, zero-width characters, BOM and lookalikes that must stay
    codePoints: [...range(0x200b, 0x200f), ...range(0x202a, 0x202e), ...range(0x2060, 0x2064), ...range(0x2066, 0x2069), 0xfeff, 0x061c, 0x00ad, 0x034f],
  },
  {
    weight: 5, // Arabic presentation forms A and B
    codePoints: [...range(0xfb50, 0xfbc1), ...range(0xfbd3, 0xfd3d), ...range(0xfd50, 0xfd8f), ...range(0xfd92, 0xfdc7), ...range(0xfdf0, 0xfdfc), ...range(0xfe70, 0xfe74), ...range(0xfe76, 0xfefc)],
  },
  { weight: 3, codePoints: range(0x0610, 0x061a).concat(range(0x06d6, 0x06ed)) }, // Quranic marks (kept)
  { weight: 6, codePoints: [...range(0x41, 0x5a), ...range(0x61, 0x7a), 0xe9, 0xc5] }, // Latin
  { weight: 2, codePoints: [...range(0x0300, 0x036f)] }, // Latin combining marks
  { weight: 2, codePoints: [...range(0xff01, 0xff5e), ...range(0xfb00, 0xfb06), 0x00b2, 0x00bd, 0x2126, 0x212b, 0x2160, 0x3392] }, // compatibility
  { weight: 5, codePoints: chars(' \n\t\u00A0،؛؟«»"\'.,-_#()%') }, // spaces and punctuation
  { weight: 1, codePoints: [0x1f600, 0x1d400, 0x1d7d8, 0x05d0, 0x03a3, 0x4e2d] }, // astral and other scripts
];
const TOTAL_WEIGHT = POOLS.reduce((sum, p) => sum + p.weight, 0);

/** mulberry32: a seeded generator, so a failure can be reproduced from the printed seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const samples: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(random() * 41);
    let text = '';
    for (let i = 0; i < length; i++) {
      let roll = random() * TOTAL_WEIGHT;
      const pool = POOLS.find((p) => (roll -= p.weight) < 0) ?? POOLS[0]!;
      text += String.fromCodePoint(pick(pool.codePoints));
    }
    samples.push(text);
  }
  return samples;
}

let connection: Connection;

/** Rows of a raw query: postgres.js answers an array, PGlite an object with `rows`. */
async function rows<T>(query: SQL): Promise<T[]> {
  const result: unknown = await connection.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

beforeAll(async () => {
  connection = await freshDatabase();
});
afterAll(() => closeConnection());

async function normalizeInDatabase(texts: string[]): Promise<string[]> {
  const result = await rows<{ normalized: string }>(sql`
    select midad_normalize_arabic(t.value) as normalized
      from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality as t(value, position)
     order by t.position`);
  return result.map((r) => r.normalized);
}

describe(`normalisation in TypeScript and SQL agree on ${driverName}`, () => {
  const SEED = 20260524;
  const samples = generate(6000, SEED);

  it('on 6000 generated strings', async () => {
    const inDatabase = await normalizeInDatabase(samples);
    const mismatches = samples
      .map((input, i) => ({ input, ts: normalizeArabic(input), sql: inDatabase[i] }))
      .filter((m) => m.ts !== m.sql)
      .slice(0, 5)
      .map((m) => ({ ...m, codePoints: Array.from(m.input, (c) => c.codePointAt(0)!.toString(16)).join(' ') }));
    expect(mismatches, `seed ${SEED}`).toEqual([]);
    expect(inDatabase).toHaveLength(samples.length);
  });

  it('and both are idempotent', async () => {
    const once = samples.map(normalizeArabic);
    expect(once.map(normalizeArabic)).toEqual(once);
    expect(await normalizeInDatabase(once)).toEqual(once);
  });

  it('on the rules themselves', async () => {
    const cases = ['إسماعيل هنيّة', 'التَّطْبِيع', 'القـــدس', '٢٠٢٦ ۱۴۰۵', 'مستشفى', 'ﻻ', '\u200Fغزة\u202C', 'ی ک', '١٫٨'];
    expect(await normalizeInDatabase(cases)).toEqual([
      'اسماعيل هنيه',
      'التطبيع',
      'القدس',
      '2026 1405',
      'مستشفي',
      'لا',
      'غزه',
      'ي ك',
      '1.8',
    ]);
  });

  it('is declared IMMUTABLE, so it may be used in indexes and generated columns', async () => {
    const result = await rows<{ volatility: string }>(
      sql`select provolatile as volatility from pg_proc where proname = 'midad_normalize_arabic'`,
    );
    expect(result.map((r) => r.volatility)).toEqual(['i']);
  });
});
