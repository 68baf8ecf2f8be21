import 'server-only';
import { openApiDocument } from '@/lib/api/openapi';
import { readParameters } from '@/lib/api/parameters';
import { siteOrigin } from '@/lib/seo/site-url';
import { errorAnswer, jsonAnswer, type ApiCall } from './respond';

/** The API's OpenAPI document: the same for every caller, changed only by a new build. */
export async function openApiAnswer(call: ApiCall): Promise<Response> {
  const read = readParameters(new URL(call.request.url).searchParams, []);
  if (!read.ok) return errorAnswer(read.problem, call.locale, call.headers);
  return jsonAnswer(call, openApiDocument(siteOrigin()), { lifetime: 3600, tags: [] });
}

/** Any other address under /api/v1: a JSON 404, as the API's own misses are. */
export async function unknownPathAnswer(call: ApiCall): Promise<Response> {
  return errorAnswer({ code: 'NOT_FOUND' }, call.locale, call.headers);
}
