import { describe, expect, it } from 'vitest';
import { announcesMoreThan, declaredLength, readBodyWithin } from './bounded-body';

/** A body offered in chunks only when pulled, recording how much was taken and whether it was cancelled. */
function offered(chunks: number[], options: { failAfter?: number } = {}) {
  const record = { pulled: 0, cancelled: false };
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (options.failAfter !== undefined && next >= options.failAfter) {
          controller.error(new Error('connection reset'));
          return;
        }
        if (next >= chunks.length) {
          controller.close();
          return;
        }
        const size = chunks[next++]!;
        controller.enqueue(new Uint8Array(size).fill(next));
        record.pulled += size;
      },
      cancel() {
        record.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, record };
}

const request = (body: ReadableStream<Uint8Array> | null, contentLength?: string) => ({
  headers: new Headers(contentLength === undefined ? {} : { 'content-length': contentLength }),
  body,
});

describe('declaredLength', () => {
  it.each<[string | null, number | null | 'invalid']>([
    [null, null],
    ['0', 0],
    ['1024', 1024],
    [' 12 ', 12],
    ['12, 12', 12],
    ['12, 13', 'invalid'],
    ['', 'invalid'],
    ['-1', 'invalid'],
    ['1e6', 'invalid'],
    ['0x10', 'invalid'],
    ['12abc', 'invalid'],
    ['99999999999999999999', 'invalid'],
  ])('%j → %j', (header, expected) => {
    expect(declaredLength(header)).toBe(expected);
  });

  it('tells a declared excess before anything is read', () => {
    expect(announcesMoreThan(new Headers({ 'content-length': '101' }), 100)).toBe(true);
    expect(announcesMoreThan(new Headers({ 'content-length': '100' }), 100)).toBe(false);
    expect(announcesMoreThan(new Headers(), 100)).toBe(false);
  });
});

describe('readBodyWithin', () => {
  it('returns the whole body, in order, when it fits', async () => {
    const { stream } = offered([3, 4, 5]);
    const body = await readBodyWithin(request(stream), 12);
    expect(body.ok && [...body.bytes]).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it('accepts a body of exactly the limit, with or without a matching Content-Length', async () => {
    expect((await readBodyWithin(request(offered([6, 6]).stream), 12)).ok).toBe(true);
    expect((await readBodyWithin(request(offered([6, 6]).stream, '12'), 12)).ok).toBe(true);
  });

  it('stops a chunked body one chunk past the limit and leaves the rest unread', async () => {
    const { stream, record } = offered(new Array<number>(1000).fill(10));
    expect(await readBodyWithin(request(stream), 95)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(record.pulled).toBe(100);
    // Not cancelled: on Node's server that would reset the connection before the answer is read.
    expect(record.cancelled).toBe(false);
  });

  it('refuses a declared excess without pulling anything', async () => {
    const { stream, record } = offered([10]);
    expect(await readBodyWithin(request(stream, '1000'), 100)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(record.pulled).toBe(0);
  });

  it('stops as soon as a body is longer than it said, even under the limit', async () => {
    const { stream, record } = offered(new Array<number>(100).fill(10));
    expect(await readBodyWithin(request(stream, '15'), 1000)).toEqual({ ok: false, reason: 'lengthMismatch' });
    expect(record.pulled).toBe(20);
  });

  it('refuses a body shorter than it said, a missing one that was announced, and a nonsense length', async () => {
    expect(await readBodyWithin(request(offered([5]).stream, '50'), 100)).toEqual({ ok: false, reason: 'lengthMismatch' });
    expect(await readBodyWithin(request(null, '50'), 100)).toEqual({ ok: false, reason: 'lengthMismatch' });
    const { stream, record } = offered([5]);
    expect(await readBodyWithin(request(stream, 'five'), 100)).toEqual({ ok: false, reason: 'lengthMismatch' });
    expect(record.pulled).toBe(0);
  });

  it('treats no body as an empty one', async () => {
    const body = await readBodyWithin(request(null), 100);
    expect(body.ok && body.bytes.byteLength).toBe(0);
  });

  it('answers, rather than throws, when the sender goes away mid-body', async () => {
    const { stream } = offered([10, 10, 10], { failAfter: 2 });
    expect(await readBodyWithin(request(stream), 100)).toEqual({ ok: false, reason: 'aborted' });
  });

  it('refuses chunks that are not bytes', async () => {
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue('text' as unknown as Uint8Array);
      },
    });
    expect(await readBodyWithin(request(stream as ReadableStream<Uint8Array>), 100)).toEqual({ ok: false, reason: 'lengthMismatch' });
  });
});
