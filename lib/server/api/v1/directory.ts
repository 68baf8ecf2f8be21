import 'server-only';
import { SITE_TAGS } from '@/db/queries/site-cache-keys';
import { listPublicAuthors, listPublicTags, listSections } from '@/db/queries/site-stories';
import { pagination, paginationLinks } from '@/lib/api/http';
import { parsePagingQuery } from '@/lib/api/parameters';
import { authorPath, sectionPath, tagPath } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';
import { audienceOf } from './articles';
import { readThrough } from './reads';
import { errorAnswer, jsonAnswer, type ApiCall } from './respond';

/*
 * /api/v1/sections, /api/v1/tags and /api/v1/authors: what the articles can be filtered by. Tags and
 * authors are those of stories the caller can read, as the site's tag and author pages are.
 */

interface Page<T> {
  items: T[];
  total: number;
}

async function directory<T>(call: ApiCall, name: string, tags: string[], read: (asOf: Date, limit: number, offset: number) => Promise<Page<T>>) {
  const url = new URL(call.request.url);
  const parsed = parsePagingQuery(url.searchParams);
  if (!parsed.ok) return errorAnswer(parsed.problem, call.locale, call.headers);
  const { page, perPage } = parsed.value;
  const audience = audienceOf(call.client);
  const { value, lifetime } = await readThrough(call, {
    name,
    args: [page, perPage, audience],
    tags,
    cache: true,
    read: (asOf) => read(asOf, perPage, (page - 1) * perPage),
  });
  const meta = { pagination: pagination(page, perPage, value.total) };
  return jsonAnswer(call, { data: value.items, meta }, { lifetime, tags }, { Link: paginationLinks(url, meta.pagination) });
}

export function listSectionsAnswer(call: ApiCall): Promise<Response> {
  return directory(call, 'api-sections', [SITE_TAGS.sections], async (_asOf, limit, offset) => {
    const all = await listSections();
    const items = all.slice(offset, offset + limit).map((s) => ({ id: s.id, slug: s.slug, name: s.name, url: absoluteUrl(sectionPath(s.slug)) }));
    return { items, total: all.length };
  });
}

export function listTagsAnswer(call: ApiCall): Promise<Response> {
  const audience = audienceOf(call.client);
  return directory(call, 'api-tags', [SITE_TAGS.latest], async (asOf, limit, offset) => {
    const { tags, total } = await listPublicTags({ asOf, limit, offset, audience });
    const items = tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name, story_count: t.storyCount, url: absoluteUrl(tagPath(t.slug)) }));
    return { items, total };
  });
}

export function listAuthorsAnswer(call: ApiCall): Promise<Response> {
  const audience = audienceOf(call.client);
  return directory(call, 'api-authors', [SITE_TAGS.latest], async (asOf, limit, offset) => {
    const { authors, total } = await listPublicAuthors({ asOf, limit, offset, audience });
    const items = authors.map((a) => ({ id: a.id, name: a.name, story_count: a.storyCount, url: absoluteUrl(authorPath(a.id)) }));
    return { items, total };
  });
}
