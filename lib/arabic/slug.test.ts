import { describe, expect, it } from 'vitest';
import { claimUniqueSlug, decodeSlugParam, slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it('keeps Arabic letters and joins words with hyphens', () => {
    expect(slugify('يوم القدس العالمي')).toBe('يوم-القدس-العالمي');
  });

  it('removes tashkeel and tatweel', () => {
    expect(slugify('التَّطْبِيعُ')).toBe('التطبيع');
    expect(slugify('القـــدس')).toBe('القدس');
  });

  it('removes bidi controls and zero-width characters', () => {
    expect(slugify('\u202Eغزة\u200B \u2066اليوم\u2069\u200D\uFEFF')).toBe('غزة-اليوم');
  });

  it('lower-cases Latin and turns punctuation into single hyphens', () => {
    expect(slugify('Midad: مؤتمر NASA، (2026)!')).toBe('midad-مؤتمر-nasa-2026');
    expect(slugify('#قدسنا_لا_أورشليم')).toBe('قدسنا-لا-أورشليم');
  });

  it('writes Arabic-Indic and Persian digits as 0–9', () => {
    expect(slugify('٣٠٠ دار نشر ۱۲')).toBe('300-دار-نشر-12');
  });

  it('normalises to NFC', () => {
    expect(slugify('Cafe\u0301')).toBe('café');
  });

  it('folds Arabic presentation forms and ligatures into plain letters (NFKC)', () => {
    expect(slugify('ﻟﻐﺔ')).toBe('لغة');
    expect(slugify('ﻟﻐﺔ')).toBe(slugify('لغة'));
    expect(slugify('ﺍﻟﻘﺪﺱ ﺍﻟﻴﻮﻡ')).toBe('القدس-اليوم');
    expect(slugify('بسم ﷲ')).toBe('بسم-الله');
    // Forms that unfold into tatweel or tashkeel lose them like any other.
    expect(slugify('ﹱﻙ')).toBe('ك');
  });

  it('folds full-width Latin and digits, then lower-cases them', () => {
    expect(slugify('ＡＢＣ')).toBe('abc');
    expect(slugify('ＮＡＳＡ ２０２６')).toBe(slugify('NASA 2026'));
    expect(slugify('ﬁle ²')).toBe('file-2');
  });

  it('returns an empty string when nothing usable remains', () => {
    expect(slugify('  ؟!…  ')).toBe('');
    expect(slugify('\u064E\u0640')).toBe('');
  });

  it('cuts long titles on a word boundary', () => {
    const slug = slugify('كلمة '.repeat(40));
    expect(Array.from(slug).length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'كلمة')).toBe(true);
  });
});

describe('uniqueSlug', () => {
  it('adds a numeric suffix on collision', async () => {
    const taken = new Set(['خبر', 'خبر-2']);
    expect(await uniqueSlug('خبر', async (s) => taken.has(s))).toBe('خبر-3');
    expect(await uniqueSlug('جديد', async (s) => taken.has(s))).toBe('جديد');
  });
});

describe('claimUniqueSlug', () => {
  it('moves on to the next suffix when a claim loses a race, and skips slugs known to be taken', async () => {
    const known = new Set(['خبر-2']);
    // Another writer takes «خبر» and «خبر-3» between this writer's check and its write.
    const takenMeanwhile = new Set(['خبر', 'خبر-3']);
    const tried: string[] = [];
    const claimed = await claimUniqueSlug(
      'خبر',
      async (s) => known.has(s),
      async (s) => {
        tried.push(s);
        return takenMeanwhile.has(s) ? null : { slug: s };
      },
    );
    expect(claimed).toEqual({ slug: 'خبر-4' });
    expect(tried).toEqual(['خبر', 'خبر-3', 'خبر-4']);
  });

  it('takes the slug itself when it is free', async () => {
    expect(await claimUniqueSlug('جديد', async () => false, async (s) => s)).toBe('جديد');
  });
});

describe('decodeSlugParam', () => {
  it('accepts raw and percent-encoded slugs alike', () => {
    const slug = 'يوم-القدس';
    expect(decodeSlugParam(encodeURIComponent(slug))).toBe(slug);
    expect(decodeSlugParam(slug)).toBe(slug);
    expect(decodeSlugParam('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
