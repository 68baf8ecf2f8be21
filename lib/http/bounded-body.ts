/**
 * Reading a request body with a ceiling. `request.formData()` and `arrayBuffer()` read everything
 * the client sends before anyone can look at its size, and a chunked body has no Content-Length
 * to check first; here bytes are counted as they arrive and reading stops the moment the count
 * passes the limit, so no more than `limit` bytes are ever held.
 */

export type BoundedBody =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  /**
   * `tooLarge`: declared or sent past the limit. `lengthMismatch`: more or fewer bytes than the
   * Content-Length announced, or a Content-Length that is not a number. `aborted`: the sender went
   * away mid-body.
   */
  | { ok: false; reason: 'tooLarge' | 'lengthMismatch' | 'aborted' };

const DECIMAL = /^\d+$/;

/**
 * The declared length: a number, null when the header is absent (a chunked body), or 'invalid'.
 * Several values joined by commas are accepted only when they agree, as HTTP allows.
 */
export function declaredLength(header: string | null): number | null | 'invalid' {
  if (header === null) return null;
  const values = header.split(',').map((v) => v.trim());
  if (!values.every((v) => DECIMAL.test(v)) || new Set(values).size !== 1) return 'invalid';
  const length = Number(values[0]);
  return Number.isSafeInteger(length) ? length : 'invalid';
}

/** Whether a request announces a body larger than `limit`, readable before any byte of it. */
export function announcesMoreThan(headers: Pick<Headers, 'get'>, limit: number): boolean {
  const declared = declaredLength(headers.get('content-length'));
  return typeof declared === 'number' && declared > limit;
}

/**
 * The request's body as bytes, at most `limit` of them. Stops reading as soon as the body is known
 * to be too large or longer than it said, and never throws for anything the sender does.
 *
 * The rest is left unread rather than cancelled: on Node's HTTP server cancelling destroys the
 * socket at once, and a sender still writing gets a connection reset instead of the answer. Left
 * alone, the server pulls nothing more, TCP flow control stops the sender, the answer goes out,
 * and the idle connection is closed at the keep-alive timeout.
 */
export async function readBodyWithin(
  request: { headers: Pick<Headers, 'get'>; body: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<BoundedBody> {
  const declared = declaredLength(request.headers.get('content-length'));
  if (declared === 'invalid') return { ok: false, reason: 'lengthMismatch' };
  if (declared !== null && declared > limit) return { ok: false, reason: 'tooLarge' };
  if (!request.body) return declared ? { ok: false, reason: 'lengthMismatch' } : { ok: true, bytes: new Uint8Array(0) };

  const ceiling = declared ?? limit;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) return { ok: false, reason: 'lengthMismatch' };
      received += value.byteLength;
      if (received > ceiling) return { ok: false, reason: received > limit ? 'tooLarge' : 'lengthMismatch' };
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  } finally {
    reader.releaseLock();
  }
  if (declared !== null && received !== declared) return { ok: false, reason: 'lengthMismatch' };

  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
