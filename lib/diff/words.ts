/**
 * Word-level diff between two revisions' plain text (docs/product.md §4: diff on words, not bytes).
 *
 * Story text has one block per line, so the diff works in two steps. Lines are compared first,
 * whole: unchanged paragraphs are matched exactly. Within each stretch of changed lines, old and
 * new paragraphs are paired by the words they share (a new paragraph inserted before an edited
 * one does not steal the edit), and each pair is compared word by word; unpaired paragraphs are
 * plain deletions or insertions.
 *
 * Tokens: a word (letters, combining marks and digits, so tashkeel stays on its word and a change
 * of tashkeel changes the word), a run of spaces, a line break, or any other single character —
 * punctuation such as ، ؛ ؟ « » is a token of its own. Tokens are compared exactly; joining every
 * token of a side gives back its text, so nothing is lost or normalised away.
 *
 * Cost: lines and tokens are interned to integers so each comparison is one integer test; the
 * common prefix and suffix are removed first; the rest is solved with Myers' O((N+M)·D)
 * algorithm in its linear-space form (the "middle snake" divide and conquer), so memory stays
 * O(N+M) and time grows with the size of the change D, not with the product of the lengths. Two
 * 3 000-word revisions with a typical edit diff in milliseconds. A work budget caps pathological
 * cases (two unrelated 1 MB bodies): past it the remaining region is reported as replaced.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

const TOKEN = /\n|[^\S\n]+|[\p{L}\p{M}\p{N}]+(?:['’\-\u2010\u200C\u200D][\p{L}\p{M}]+|[.,\u066B\u066C]\p{N}+)*|[\s\S]/gu;
const INLINE_SPACE = /^[^\S\n]+$/;

/** Splits text into diff tokens; `tokenize(t).join('') === t` for every string. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export interface DiffOptions {
  /** Upper bound on the comparisons the search may make before giving up on finer detail. */
  maxWork?: number;
  /** Group changes for reading (default). Off, the result is the raw minimal edit script. */
  readable?: boolean;
}

const DEFAULT_MAX_WORK = 10_000_000;

/** Lines of a text; the empty text has none (so an empty side is all insertion or deletion). */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

export function diffWords(before: string, after: string, options: DiffOptions = {}): DiffPart[] {
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  const a = splitLines(before);
  const b = splitLines(after);
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text) parts.push({ op, text });
  };
  // Every line but a side's last is followed by a break; it is shared when both lines have one.
  const lineBreak = (i: number | null, j: number | null) => {
    const inA = i !== null && i < a.length - 1;
    const inB = j !== null && j < b.length - 1;
    if (inA && inB) push('equal', '\n');
    else if (inA) push('delete', '\n');
    else if (inB) push('insert', '\n');
  };

  let changedA: number[] = [];
  let changedB: number[] = [];
  const flushChanged = () => {
    if (changedA.length === 0 && changedB.length === 0) return;
    const linesA = changedA.map((i) => a[i]!);
    const linesB = changedB.map((j) => b[j]!);
    if (linesA.length * linesB.length > MAX_PAIRING_CELLS) {
      // Too many changed paragraphs to pair one by one: compare the stretch as one text.
      parts.push(...diffTokens(tokenize(linesA.join('\n')), tokenize(linesB.join('\n')), { maxWork, readable: false }));
      lineBreak(changedA.at(-1) ?? null, changedB.at(-1) ?? null);
    } else {
      for (const unit of pairLines(linesA, linesB)) {
        const i = unit.a === null ? null : changedA[unit.a]!;
        const j = unit.b === null ? null : changedB[unit.b]!;
        if (i !== null && j !== null) parts.push(...diffTokens(tokenize(a[i]!), tokenize(b[j]!), { maxWork, readable: false }));
        else if (i !== null) push('delete', a[i]!);
        else push('insert', b[j!]!);
        lineBreak(i, j);
      }
    }
    changedA = [];
    changedB = [];
  };

  const lines = new EditScript();
  const ids = new Map<string, number>();
  new Myers(intern(a, ids), intern(b, ids), lines, maxWork).run();
  let i = 0;
  let j = 0;
  lines.ops.forEach((op, n) => {
    for (let k = 0; k < lines.counts[n]!; k++) {
      if (op === 'equal') {
        flushChanged();
        push('equal', a[i]!);
        lineBreak(i++, j++);
      } else if (op === 'delete') changedA.push(i++);
      else changedB.push(j++);
    }
  });
  flushChanged();
  return options.readable === false ? mergeRuns(parts) : cleanUp(parts);
}

function intern(tokens: readonly string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(tokens.length);
  tokens.forEach((token, i) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    out[i] = id;
  });
  return out;
}

export function diffTokens(a: readonly string[], b: readonly string[], options: DiffOptions = {}): DiffPart[] {
  const ids = new Map<string, number>();
  const script = new EditScript();
  new Myers(intern(a, ids), intern(b, ids), script, options.maxWork ?? DEFAULT_MAX_WORK).run();
  const parts = script.toParts(a, b);
  return options.readable === false ? parts : cleanUp(parts);
}

/** Above this many old × new changed paragraphs, pairing them is not worth its cost. */
const MAX_PAIRING_CELLS = 40_000;
/** How much two paragraphs must share to be shown as one edited paragraph. */
const MIN_PAIR_SIMILARITY = 0.3;
const WORD_TOKEN = /[\p{L}\p{N}]/u;

function wordCounts(line: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(line)) {
    if (WORD_TOKEN.test(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/** Share of words two paragraphs have in common (Dice coefficient over word counts). */
function similarity(x: Map<string, number>, y: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [word, n] of x) {
    common += Math.min(n, y.get(word) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/**
 * Pairs old and new paragraphs of one changed stretch, in order, maximising the words they share
 * (a small dynamic programme). Returns the units in output order: each unpaired old paragraph,
 * then each unpaired new one, before the next pair.
 */
function pairLines(linesA: readonly string[], linesB: readonly string[]): { a: number | null; b: number | null }[] {
  const m = linesA.length;
  const n = linesB.length;
  const wa = linesA.map(wordCounts);
  const wb = linesB.map(wordCounts);
  const score = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  const sim = (x: number, y: number) => similarity(wa[x]!, wb[y]!);
  for (let x = 1; x <= m; x++) {
    for (let y = 1; y <= n; y++) {
      const s = sim(x - 1, y - 1);
      const diagonal = s >= MIN_PAIR_SIMILARITY ? score[x - 1]![y - 1]! + s : -1;
      score[x]![y] = Math.max(score[x - 1]![y]!, score[x]![y - 1]!, diagonal);
    }
  }
  const pairs: [number, number][] = [];
  for (let x = m, y = n; x > 0 && y > 0; ) {
    if (score[x]![y] === score[x - 1]![y]) x--;
    else if (score[x]![y] === score[x]![y - 1]) y--;
    else {
      pairs.push([x - 1, y - 1]);
      x--;
      y--;
    }
  }
  pairs.reverse();

  const units: { a: number | null; b: number | null }[] = [];
  let nextA = 0;
  let nextB = 0;
  for (const [pa, pb] of [...pairs, [m, n] as [number, number]]) {
    while (nextA < pa) units.push({ a: nextA++, b: null });
    while (nextB < pb) units.push({ a: null, b: nextB++ });
    if (pa < m && pb < n) units.push({ a: nextA++, b: nextB++ });
  }
  return units;
}

function mergeRuns(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last?.op === part.op) last.text += part.text;
    else if (part.text) merged.push({ ...part });
  }
  return merged;
}

/** Runs of edit operations, merged as they are appended. */
class EditScript {
  readonly ops: DiffOp[] = [];
  readonly counts: number[] = [];

  push(op: DiffOp, count: number) {
    if (count <= 0) return;
    const last = this.ops.length - 1;
    if (last >= 0 && this.ops[last] === op) this.counts[last]! += count;
    else {
      this.ops.push(op);
      this.counts.push(count);
    }
  }

  toParts(a: readonly string[], b: readonly string[]): DiffPart[] {
    const parts: DiffPart[] = [];
    let i = 0;
    let j = 0;
    this.ops.forEach((op, n) => {
      const count = this.counts[n]!;
      if (op === 'equal') {
        parts.push({ op, text: a.slice(i, i + count).join('') });
        i += count;
        j += count;
      } else if (op === 'delete') {
        parts.push({ op, text: a.slice(i, i + count).join('') });
        i += count;
      } else {
        parts.push({ op, text: b.slice(j, j + count).join('') });
        j += count;
      }
    });
    return parts;
  }
}

class Myers {
  private work = 0;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly out: EditScript,
    private readonly maxWork: number,
  ) {}

  run() {
    this.compare(0, this.a.length, 0, this.b.length);
  }

  private compare(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b, out } = this;
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
    out.push('equal', prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
    aHi -= suffix;
    bHi -= suffix;

    if (aLo === aHi || bLo === bHi) {
      out.push('delete', aHi - aLo);
      out.push('insert', bHi - bLo);
    } else {
      const split = this.middle(aLo, aHi, bLo, bHi);
      const n = aHi - aLo;
      const m = bHi - bLo;
      if (split === null || (split.x === 0 && split.y === 0) || (split.x === n && split.y === m)) {
        // Over budget (or no progress possible): report the region as replaced.
        out.push('delete', n);
        out.push('insert', m);
      } else {
        this.compare(aLo, aLo + split.x, bLo, bLo + split.y);
        this.compare(aLo + split.x, aHi, bLo + split.y, bHi);
      }
    }
    out.push('equal', suffix);
  }

  /**
   * Finds a point on an optimal edit path by searching forwards from the start and backwards from
   * the end at once until the two searches meet (Myers 1986, section 4b). Offsets are relative to
   * the region; `null` when the work budget runs out.
   */
  private middle(aLo: number, aHi: number, bLo: number, bHi: number): { x: number; y: number } | null {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD + 1;
    const size = 2 * offset + 1;
    // forward[k]: furthest x reached on diagonal k (y = x - k) from the start;
    // backward[k]: furthest distance reached on diagonal k from the end, in the same units.
    const forward = new Int32Array(size).fill(-1);
    const backward = new Int32Array(size).fill(-1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    // Diagonals whose paths left the grid are not searched again.
    let fStart = 0;
    let fEnd = 0;
    let bStart = 0;
    let bEnd = 0;

    for (let d = 0; d < maxD; d++) {
      for (let k = -d + fStart; k <= d - fEnd; k += 2) {
        const i = offset + k;
        let x = k === -d || (k !== d && forward[i - 1]! < forward[i + 1]!) ? forward[i + 1]! : forward[i - 1]! + 1;
        let y = x - k;
        const startX = x;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        this.work += 1 + x - startX;
        forward[i] = x;
        if (x > n) fEnd += 2;
        else if (y > m) fStart += 2;
        else if (odd) {
          const j = offset + delta - k;
          if (j >= 0 && j < size && backward[j] !== -1 && x >= n - backward[j]!) return { x, y };
        }
      }
      for (let k = -d + bStart; k <= d - bEnd; k += 2) {
        const i = offset + k;
        let x = k === -d || (k !== d && backward[i - 1]! < backward[i + 1]!) ? backward[i + 1]! : backward[i - 1]! + 1;
        let y = x - k;
        const startX = x;
        while (x < n && y < m && a[aHi - x - 1] === b[bHi - y - 1]) {
          x++;
          y++;
        }
        this.work += 1 + x - startX;
        backward[i] = x;
        if (x > n) bEnd += 2;
        else if (y > m) bStart += 2;
        else if (!odd) {
          const j = offset + delta - k;
          if (j >= 0 && j < size && forward[j] !== -1) {
            const fx = forward[j]!;
            if (fx >= n - x) return { x: fx, y: fx - (delta - k) };
          }
        }
      }
      if (this.work > this.maxWork) return null;
    }
    return null;
  }
}

/**
 * Makes the result readable: inside each changed stretch, deletions come before insertions, and
 * a lone space between two changes joins them, so "a b" → "x y" reads as one replacement instead
 * of a patchwork around an unchanged space.
 */
function cleanUp(parts: DiffPart[]): DiffPart[] {
  const absorbed: DiffPart[] = [];
  parts.forEach((part, i) => {
    const between = i > 0 && i < parts.length - 1 && parts[i - 1]!.op !== 'equal' && parts[i + 1]!.op !== 'equal';
    if (part.op === 'equal' && between && INLINE_SPACE.test(part.text)) {
      absorbed.push({ op: 'delete', text: part.text }, { op: 'insert', text: part.text });
    } else {
      absorbed.push(part);
    }
  });

  const result: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) result.push({ op: 'delete', text: deleted });
    if (inserted) result.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const part of absorbed) {
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else {
      flush();
      const last = result[result.length - 1];
      if (last?.op === 'equal') last.text += part.text;
      else if (part.text) result.push({ ...part });
    }
  }
  flush();
  return result;
}

/** The text of one side of a diff: `before` without insertions, `after` without deletions. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');
}

/**
 * Splits a diff into paragraphs at line breaks (story text has one block per line), so each can be
 * shown as its own block with its own direction. Parts that carry only the break disappear.
 */
export function diffParagraphs(parts: readonly DiffPart[]): DiffPart[][] {
  const paragraphs: DiffPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece) paragraphs[paragraphs.length - 1]!.push({ op: part.op, text: piece });
    });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}
