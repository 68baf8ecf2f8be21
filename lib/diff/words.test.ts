import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffTokens, diffWords, sideOf, tokenize, type DiffPart } from './words';

const changed = (parts: DiffPart[]) => parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text]);

describe('tokenize', () => {
  it('keeps tashkeel and tatweel on the word and punctuation as separate tokens', () => {
    expect(tokenize('قالَ، «نَعَمْ» ثم سـأل؟')).toEqual(['قالَ', '،', ' ', '«', 'نَعَمْ', '»', ' ', 'ثم', ' ', 'سـأل', '؟']);
  });

  it('keeps line breaks apart from spaces', () => {
    expect(tokenize('أ  ب\nج')).toEqual(['أ', '  ', 'ب', '\n', 'ج']);
  });

  it('splits Latin words and numbers like the word counter', () => {
    expect(tokenize("don't stop at 3.5%")).toEqual(["don't", ' ', 'stop', ' ', 'at', ' ', '3.5', '%']);
  });

  it.each(['', 'نص عربي', 'mixed نص with English', '\u202Eمقلوب\u202C', 'emoji 👍🏽 and ‏marks', '\r\n\t ، ؛ ؟'])(
    'loses nothing: tokens of %j join back to it',
    (text) => {
      expect(tokenize(text).join('')).toBe(text);
    },
  );
});

describe('diffWords', () => {
  it('finds an inserted Arabic word', () => {
    const parts = diffWords('ذهب الوزير إلى القدس', 'ذهب الوزير أمس إلى القدس');
    expect(changed(parts)).toEqual([['insert', 'أمس ']]);
    expect(sideOf(parts, 'after')).toBe('ذهب الوزير أمس إلى القدس');
  });

  it('finds a deleted Arabic word', () => {
    const parts = diffWords('قال المتحدث الرسمي باسم الحكومة', 'قال المتحدث باسم الحكومة');
    expect(changed(parts)).toEqual([['delete', 'الرسمي ']]);
  });

  it('counts a change of tashkeel as a change of that word only', () => {
    const parts = diffWords('كتب الطالب الدرس', 'كتب الطالبُ الدرس');
    expect(changed(parts)).toEqual([
      ['delete', 'الطالب'],
      ['insert', 'الطالبُ'],
    ]);
  });

  it('treats changed punctuation as its own token', () => {
    const parts = diffWords('قال: نعم.', 'قال، نعم؟');
    expect(changed(parts)).toEqual([
      ['delete', ':'],
      ['insert', '،'],
      ['delete', '.'],
      ['insert', '؟'],
    ]);
  });

  it('handles mixed Arabic and Latin text', () => {
    const parts = diffWords('أعلنت شركة Apple عن هاتف جديد', 'أعلنت شركة Google عن هاتف جديد');
    expect(changed(parts)).toEqual([
      ['delete', 'Apple'],
      ['insert', 'Google'],
    ]);
  });

  it('joins a replacement of several words into one change', () => {
    const parts = diffWords('في صباح يوم الخميس', 'في مساء ليلة الخميس');
    expect(changed(parts)).toEqual([
      ['delete', 'صباح يوم'],
      ['insert', 'مساء ليلة'],
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'نص جديد')).toEqual([{ op: 'insert', text: 'نص جديد' }]);
    expect(diffWords('نص قديم', '')).toEqual([{ op: 'delete', text: 'نص قديم' }]);
  });

  it('reports identical texts as one equal part', () => {
    const text = 'نص\nمن سطرين، بلا تغيير.';
    expect(diffWords(text, text)).toEqual([{ op: 'equal', text }]);
  });

  it('reports a new paragraph as an inserted line break and text', () => {
    const parts = diffWords('الأول\nالثالث', 'الأول\nالثاني\nالثالث');
    expect(sideOf(parts, 'before')).toBe('الأول\nالثالث');
    expect(sideOf(parts, 'after')).toBe('الأول\nالثاني\nالثالث');
    expect(changed(parts).map(([, text]) => text).join('')).toBe('الثاني\n');
  });
});

describe('diffWords pairs paragraphs before comparing words', () => {
  it('compares an edited paragraph with its new version, not with a neighbour', () => {
    const parts = diffWords('ذهب الوزير.\nThe minister arrived on Monday.\nفقرة محذوفة كاملة', 'ذهب الوزير.\nThe minister arrived on Tuesday evening.');
    expect(changed(parts)).toEqual([
      ['delete', 'Monday'],
      ['insert', 'Tuesday evening'],
      ['delete', '\nفقرة محذوفة كاملة'],
    ]);
  });

  it('keeps a paragraph inserted before an edited one apart from the edit', () => {
    const parts = diffWords('مقدمة\nقال الوزير نعم للاتفاق', 'مقدمة\nفقرة جديدة تماما هنا\nقال الوزير لا للاتفاق');
    expect(changed(parts)).toEqual([
      ['insert', 'فقرة جديدة تماما هنا\n'],
      ['delete', 'نعم'],
      ['insert', 'لا'],
    ]);
  });

  it('does not pair paragraphs that share nothing', () => {
    expect(changed(diffWords('قطط سوداء', 'كلاب بيضاء'))).toEqual([
      ['delete', 'قطط سوداء'],
      ['insert', 'كلاب بيضاء'],
    ]);
  });

  it('recovers both sides for random paragraph structures, empty lines and trailing breaks included', () => {
    const next = random(11);
    const words = ['أ', 'ب', 'ج', 'x', 'y', '،', ''];
    const make = () =>
      Array.from({ length: Math.floor(next() * 6) }, () =>
        Array.from({ length: Math.floor(next() * 5) }, () => words[Math.floor(next() * words.length)]).join(' '),
      ).join('\n') + (next() < 0.3 ? '\n' : '');
    for (let round = 0; round < 400; round++) {
      const before = make();
      const after = make();
      for (const readable of [true, false]) {
        const parts = diffWords(before, after, { readable });
        expect(sideOf(parts, 'before')).toBe(before);
        expect(sideOf(parts, 'after')).toBe(after);
      }
    }
  });

  it('compares a very large changed stretch as one text', () => {
    const before = Array.from({ length: 250 }, (_, i) => `سطر قديم ${i}`).join('\n');
    const after = Array.from({ length: 250 }, (_, i) => `line new ${i}`).join('\n');
    const parts = diffWords(before, after);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });
});

describe('diffParagraphs', () => {
  it('gives one list of parts per line of the text', () => {
    const parts = diffWords('الأول\nالثاني', 'الأول المعدل\nالثاني');
    expect(diffParagraphs(parts)).toEqual([
      [
        { op: 'equal', text: 'الأول' },
        { op: 'insert', text: ' المعدل' },
      ],
      [{ op: 'equal', text: 'الثاني' }],
    ]);
  });

  it('drops empty lines and an empty diff', () => {
    expect(diffParagraphs([{ op: 'equal', text: 'أ\n\nب' }])).toEqual([[{ op: 'equal', text: 'أ' }], [{ op: 'equal', text: 'ب' }]]);
    expect(diffParagraphs([])).toEqual([]);
  });
});

/** Length of the longest common subsequence, by dynamic programming (the reference). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const equalTokens = (parts: DiffPart[]) =>
  parts.filter((p) => p.op === 'equal').reduce((sum, p) => sum + tokenize(p.text).length, 0);

describe('diffTokens is minimal', () => {
  it('matches the longest common subsequence on many small random cases', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const make = () => Array.from({ length: Math.floor(next() * 30) }, () => 'abcd'[Math.floor(next() * 4)]!);
      const a = make();
      const b = make();
      const parts = diffTokens(a, b, { readable: false });
      expect(sideOf(parts, 'before')).toBe(a.join(''));
      expect(sideOf(parts, 'after')).toBe(b.join(''));
      const equal = parts.filter((p) => p.op === 'equal').reduce((sum, p) => sum + p.text.length, 0);
      expect(equal).toBe(lcsLength(a, b));
    }
  });
});

describe('two 3 000-word revisions', () => {
  const vocabulary = ['القدس', 'الحكومة', 'قال', 'في', 'إلى', 'من', 'الوزير', 'مؤتمر', 'الشعب', 'العالم', 'Gaza', 'UN', '2024', 'اليوم', 'على', 'أن'];
  const punctuation = ['، ', '. ', '؛ ', '؟ ', ' ', ' ', ' ', ' ', ' ', ' '];
  const next = random(42);
  const words = Array.from({ length: 3000 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
  const write = (list: string[]) => list.map((w, i) => w + (i % 40 === 39 ? '\n' : punctuation[Math.floor((i * 7) % punctuation.length)]!)).join('');

  it('recovers both texts and finds a minimal script for scattered edits', () => {
    const edited = [...words];
    // Forty edits spread over the text: insertions, deletions and a tashkeel change.
    for (let e = 0; e < 40; e++) {
      const at = 60 + e * 70;
      if (e % 3 === 0) edited.splice(at, 0, 'جديدة');
      else if (e % 3 === 1) edited.splice(at, 1);
      else edited[at] = `${edited[at]}ُ`;
    }
    const before = write(words);
    const after = write(edited);
    const parts = diffWords(before, after, { readable: false });
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
    expect(equalTokens(parts)).toBe(lcsLength(tokenize(before), tokenize(after)));
    const readable = diffWords(before, after);
    expect(sideOf(readable, 'before')).toBe(before);
    expect(sideOf(readable, 'after')).toBe(after);
  });

  it('still recovers both texts when the work budget runs out', () => {
    const shuffled = [...words].reverse();
    const parts = diffWords(write(words), write(shuffled), { maxWork: 10_000 });
    expect(sideOf(parts, 'before')).toBe(write(words));
    expect(sideOf(parts, 'after')).toBe(write(shuffled));
  });
});
