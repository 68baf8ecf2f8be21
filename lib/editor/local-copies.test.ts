import { describe, expect, it } from 'vitest';
import { paragraphsToDocument } from '@/lib/content/render';
import { copiesToOffer, differsFromServer, setAsideKey, storyText, type LocalCopy } from './local-copies';

const fields = (title: string, extra: Record<string, unknown> = {}) => ({ title, summary: 'ملخص', byline: '', sectionId: 1, tags: [], slug: '', ...extra });
const copy = (title: string, paragraph: string, extra: Record<string, unknown> = {}): LocalCopy => ({
  fields: fields(title, extra),
  body: paragraphsToDocument([paragraph]),
  baseVersion: 3,
  savedAt: '2026-12-03T09:00:00.000Z',
});
const server = { fields: fields('العنوان'), body: paragraphsToDocument(['نص الخادم.']) };
const WORK = 'midad:unsaved:7:12';

describe('local copies of a story', () => {
  it('keeps the set-aside text under a key of its own beside the work in progress', () => {
    expect(setAsideKey(WORK)).toBe('midad:unsaved:7:12:kept');
  });

  it('compares the words of title, summary and body, and every field', () => {
    expect(storyText({ title: 'أ', summary: 'ب' }, paragraphsToDocument(['ج']))).toBe('أ\nب\nج');
    expect(differsFromServer(copy('العنوان', 'نص الخادم.'), server)).toBe(false);
    expect(differsFromServer(copy('العنوان', 'نص آخر.'), server)).toBe(true);
    // Same words, another byline: still something only this browser has.
    expect(differsFromServer(copy('العنوان', 'نص الخادم.', { byline: 'مراسلنا' }), server)).toBe(true);
  });

  it('offers the set-aside text even when a work-in-progress copy is waiting too', () => {
    // After taking their version, the work in progress holds their words with a field of mine; the
    // set-aside copy holds my words. Both differ from the server: both are offered, work first.
    const work = copy('العنوان', 'نص الخادم.', { byline: 'مراسلنا' });
    const mine = copy('العنوان', 'نصي الذي تركته.', { byline: 'مراسلنا' });
    const { offers, stale } = copiesToOffer(
      [
        { key: WORK, copy: work },
        { key: setAsideKey(WORK), copy: mine },
      ],
      server,
    );
    expect(offers.map((o) => o.key)).toEqual([WORK, setAsideKey(WORK)]);
    expect(storyText(offers[1]!.fields, offers[1]!.body)).toContain('نصي الذي تركته.');
    expect(stale).toEqual([]);
  });

  it('clears copies the server already has and offers the rest', () => {
    const { offers, stale } = copiesToOffer(
      [
        { key: WORK, copy: copy('العنوان', 'نص الخادم.') },
        { key: setAsideKey(WORK), copy: copy('العنوان', 'نصي الذي تركته.') },
      ],
      server,
    );
    expect(stale).toEqual([WORK]);
    expect(offers.map((o) => o.key)).toEqual([setAsideKey(WORK)]);
  });

  it('offers nothing when nothing is kept', () => {
    expect(copiesToOffer([{ key: WORK, copy: null }, { key: setAsideKey(WORK), copy: null }], server)).toEqual({ offers: [], stale: [] });
  });
});
