import 'server-only';
import type { Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { readBodyWithin } from '@/lib/http/bounded-body';
import { suggestTags } from '../tags/suggest-tags';
import type { Actor } from './session';
import { runDeskRequest } from './desk-operation';

/** A query is at most a tag's length; this leaves room for JSON escapes of every character. */
const MAX_BODY_BYTES = 2048;

/**
 * POST /api/desk/tags ({"query": "…"}): the tag field's suggestions, through the desk pipeline.
 * A POST, though it changes nothing, because the pipeline's same-site rule reads the Origin header,
 * which browsers do not send with a same-origin GET. The body is read with a small ceiling.
 */
export function receiveTagSuggestions(request: Request, options: { db?: Executor; currentUser?: () => Promise<Actor | null> } = {}): Promise<Response> {
  return runDeskRequest(request, 'POST /api/desk/tags', 'desk.access', async (context) => suggestTags(context, { query: await readQuery(request) }), options);
}

async function readQuery(request: Request): Promise<unknown> {
  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!body.ok) throw new AppError('INVALID_INPUT', 'the body could not be read', { field: 'tags' });
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body.bytes));
    return typeof parsed === 'object' && parsed !== null ? (parsed as { query?: unknown }).query : undefined;
  } catch {
    throw new AppError('INVALID_INPUT', 'the body is not JSON', { field: 'tags' });
  }
}
