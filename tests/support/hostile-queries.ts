/**
 * Search requests nobody should send, generated from a seed so that a failure names the seed and
 * index that reproduce it. Each request is the raw URL parameters of /search or /desk/search:
 * text with NUL, lone surrogates, C0/C1 controls and bidi overrides; tsquery syntax; quotes of
 * every kind; broken percent escapes; strings far past every limit; many words and long phrases of
 * near-miss spellings (which send "did you mean" to work); parameters repeated as arrays.
 */

export type RawParams = Record<string, string | string[]>;

/** A small seeded generator (xorshift32 scrambled): plenty for test data, reproducible anywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (Math.imul(state, 0x2545f491) >>> 0) / 2 ** 32;
  };
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000B', '\f', '\r', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F'];
const SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800', 'ا\uD83D', '\uDE00ب'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200D', '\uFEFF'];
const QUOTES = ['"', "'", '«', '»', '“', '”', '„', '‟', '〝', '`', '\\', '\\"', '""', '"""'];
const TSQUERY = ['&', '|', '!', ':', '*', '(', ')', '<->', '<2>', ':*', ':A', ':ABCD', '!!', '&&', '||', '!(', '(a|b)&!c', "'a':*", 'x:*&y', '<0>'];
const PERCENT = ['%', '%%', '%E0%A4%A', '%00', '%2', '%uD800', '%C0%AF', '%FF%FE', '%ZZ', '%25', '100%'];
const SQLISH = ["'; drop table articles; --", '$1', '$$', "E'\\\\x00'", '/*', '*/', '--', ';', 'NULL', '\\0', '%s%s%s', '{"a":1}', '[1,2]', '\\u0000'];
const REGEXISH = ['.*', '[', ']', '{', '}', '^', '$', '(?:', '\\p{L}', '+?'];
const ARABIC = ['القدس', 'اسمعيل', 'غزة', 'هنيه', 'التطبيع', 'سيلفاا', 'الانتخابت', 'فلسطين', 'إِسْمَاعِيل', 'ﻻ', 'ـــــ', '١٢٣', '۴۵۶', '#قدسنا_لا', 'الْقُدْس'];
const OTHER = ['🇵🇸', '👨‍👩‍👧', 'e\u0301', '\u0301', 'ǅ', 'ß', 'İ', 'ﬀ', '\uFFFD', '\uFFFF', '\u{10FFFF}', 'a'.repeat(300), 'ق'.repeat(2047), '🙂'.repeat(150)];
const FRAGMENTS = [CONTROL, SURROGATES, BIDI, QUOTES, TSQUERY, PERCENT, SQLISH, REGEXISH, ARABIC, ARABIC, OTHER];
const SEPARATORS = [' ', ' ', '', '\t', '\n', '  ', '\u00A0', '\u3000', '\u200F'];

const ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى';

export function hostileSearchParams(seed: number, count: number): RawParams[] {
  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  const arabicWord = () => Array.from({ length: 2 + below(9) }, () => pick([...ARABIC_LETTERS])).join('');
  // A word with one letter changed, dropped or doubled: the "did you mean" path.
  const nearMiss = () => {
    const word = pick(ARABIC.slice(0, 8));
    const at = 1 + below(word.length - 1);
    return pick([word.slice(0, at) + word.slice(at + 1), word.slice(0, at) + word[at] + word.slice(at), word.slice(0, at) + pick([...ARABIC_LETTERS]) + word.slice(at + 1)]);
  };

  const text = (): string => {
    switch (below(9)) {
      case 0:
        // Many words: past the term limit, or just under it.
        return Array.from({ length: 5 + below(60) }, () => (random() < 0.5 ? nearMiss() : arabicWord())).join(' ');
      case 1:
        // One long phrase of near misses.
        return `"${Array.from({ length: 5 + below(40) }, nearMiss).join(' ')}"`;
      case 2:
        // Far past every limit.
        return pick(FRAGMENTS.flat()).repeat(1 + below(20_000));
      case 3:
        return Array.from({ length: 1 + below(10) }, nearMiss).join(pick(SEPARATORS));
      default:
        return Array.from({ length: 1 + below(12) }, () => pick(pick(FRAGMENTS))).join(pick(SEPARATORS));
    }
  };
  const junk = (): string => (random() < 0.4 ? text() : pick(['', '0', '-1', '1e309', 'NaN', 'Infinity', '2', '1.5', '٢', '00000000000000000000001', '99999999999', '0x10', ' 3 ']));
  const date = (): string => pick(['2026-02-30', '2026-01-01', '9999-99-99', '0000-01-01', '2026-1-1', '2026-01-01T00:00', '', '١٤٤٧-٠١-٠١', junk()]);
  const maybe = <T>(value: () => T): T | undefined => (random() < 0.5 ? value() : undefined);

  return Array.from({ length: count }, () => {
    const params: RawParams = { q: text() };
    const page = maybe(junk);
    if (page !== undefined) params.page = page;
    const section = maybe(() => pick(['سياسة', 'رياضة', 'no-such-section', text()]));
    if (section !== undefined) params.section = section;
    const from = maybe(date);
    if (from !== undefined) params.from = from;
    const to = maybe(date);
    if (to !== undefined) params.to = to;
    const status = maybe(() => pick(['draft', 'published', 'in_review', 'scheduled', 'deleted', text()]));
    if (status !== undefined) params.status = status;
    // The same parameter twice arrives as an array.
    if (random() < 0.1) params.q = [text(), text()];
    if (random() < 0.05) params.page = [junk(), junk()];
    return params;
  });
}
