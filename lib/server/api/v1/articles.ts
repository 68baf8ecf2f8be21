import 'server-only';
import { searchPublishedArticles } from '@/db/queries/search';
import { SITE_TAGS, slugTag } from '@/db/queries/site-cache-keys';
import {
  findSectionBySlug,
  findSiteArticle,
  findTagBySlug,
  listSiteStories,
  type ReadAudience,
  type SiteArticle,
  type SiteArticleLookup,
  type SiteStory,
  type StoryFilter,
} from '@/db/queries/site-stories';
import { pagination, paginationLinks } from '@/lib/api/http';
import { MAX_SEARCH_PER_PAGE, MAX_SLUG_PARAMETER, parseArticleListQuery, readParameters, type ArticleListQuery } from '@/lib/api/parameters';
import { decodeSlugParam } from '@/lib/arabic/slug';
import { documentToText, readableBody, renderStoredBody } from '@/lib/content/render';
import { apiArticlePath, articlePath, authorPath, mediaPath, sectionPath, tagPath } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';
import type { PublicNoteKind } from '@/lib/workflow/public-notes';
import { readsEmbargoed, type ApiClient } from '../client';
import { readThrough } from './reads';
import { errorAnswer, jsonAnswer, redirectAnswer, type ApiCall } from './respond';

/*
 * /api/v1/articles and /api/v1/articles/<slug>: the site's own read models (db/queries/site-stories.ts)
 * under the one visibility rule — the public one, or the partners' one for a partner key — shaped
 * for API users. Bodies are the HTML the article page renders and plain text; the stored editor
 * document is never sent.
 */

/** IPTC ninjs `pubstatus`: whether readers may see the story now. */
export type PubStatus = 'usable' | 'embargoed';

export interface ApiArticleSummary {
  id: number;
  slug: string;
  url: string;
  api_url: string;
  title: string;
  summary: string;
  byline: string;
  author: { id: number; url: string } | null;
  section: { id: number; slug: string; name: string; url: string };
  published_at: string;
  updated_at: string;
  /** The embargo's end while it is ahead (partners only ever see one), else null. */
  embargoed: string | null;
  pubstatus: PubStatus;
  image: { url: string; alt: string; caption: string; credit: string; width: number; height: number } | null;
}

export interface ApiArticle extends ApiArticleSummary {
  body_html: string;
  body_text: string;
  tags: { id: number; slug: string; name: string; url: string }[];
  /** Public notes («تصحيح», «تحديث»), newest first. */
  notes: { kind: PublicNoteKind; text: string; published_at: string }[];
}

export function audienceOf(client: ApiClient): ReadAudience {
  return readsEmbargoed(client) ? 'partner' : 'public';
}

function summaryOf(story: SiteStory): ApiArticleSummary {
  return {
    id: story.id,
    slug: story.slug,
    url: absoluteUrl(articlePath(story.slug)),
    api_url: absoluteUrl(apiArticlePath(story.slug)),
    title: story.title,
    summary: story.summary,
    byline: story.authorName,
    // Only a byline that is the author's own name points at their page, as on the site.
    author: story.bylineIsAuthor ? { id: story.authorId, url: absoluteUrl(authorPath(story.authorId)) } : null,
    section: { id: story.sectionId, slug: story.sectionSlug, name: story.sectionName, url: absoluteUrl(sectionPath(story.sectionSlug)) },
    published_at: story.publishedAt,
    updated_at: story.updatedAt,
    embargoed: story.embargoUntil,
    pubstatus: story.embargoUntil ? 'embargoed' : 'usable',
    image: story.image && {
      url: absoluteUrl(mediaPath(story.image.storageKey)),
      alt: story.image.alt,
      caption: story.image.caption,
      credit: story.image.credit,
      width: story.image.width,
      height: story.image.height,
    },
  };
}

/** The article as the article page shows it: the same renderer, the same fallback for a body the schema refuses. */
export function articleOf(article: SiteArticle): ApiArticle {
  const stored = { articleId: article.id, revisionId: article.revisionId, body: article.body, bodyText: article.bodyText };
  return {
    ...summaryOf(article),
    body_html: renderStoredBody(stored).html,
    body_text: article.bodyText || documentToText(readableBody(stored).document),
    tags: article.tags.map((tag) => ({ ...tag, url: absoluteUrl(tagPath(tag.slug)) })),
    notes: article.notes.map((note) => ({ kind: note.kind, text: note.text, published_at: note.at })),
  };
}

type ArticleLookup = { kind: 'article'; article: ApiArticle } | Exclude<SiteArticleLookup, { kind: 'article' }>;

interface StoryPage {
  stories: SiteStory[];
  total: number;
  perPage: number;
}

/** A filter naming a section or tag that does not exist finds nothing, as one nothing is tagged with does. */
async function resolveFilter(query: ArticleListQuery): Promise<{ filter: StoryFilter; tags: string[] } | null> {
  const filter: StoryFilter = {};
  const tags: string[] = [SITE_TAGS.latest];
  if (query.section !== undefined) {
    const section = await findSectionBySlug(query.section);
    if (!section) return null;
    filter.sectionId = section.id;
    tags.push(SITE_TAGS.section(section.id));
  }
  if (query.tag !== undefined) {
    const tag = await findTagBySlug(query.tag);
    if (!tag) return null;
    filter.tagId = tag.id;
    tags.push(SITE_TAGS.tag(tag.id));
  }
  if (query.author !== undefined) {
    filter.authorId = query.author;
    tags.push(SITE_TAGS.author(query.author));
  }
  if (query.updatedSince !== undefined) filter.updatedSince = query.updatedSince;
  return { filter, tags };
}

/** Ranked by the site's search (Arabic-normalised), then read as stories in that order. */
async function searchStories(query: ArticleListQuery & { q: string }, filter: StoryFilter, asOf: Date, audience: ReadAudience): Promise<StoryPage> {
  const perPage = Math.min(query.perPage, MAX_SEARCH_PER_PAGE);
  const found = await searchPublishedArticles({ q: query.q, page: query.page, pageSize: perPage, sectionSlug: query.section, asOf, audience });
  if (found.kind !== 'results') return { stories: [], total: 0, perPage };
  const ids = found.hits.map((hit) => hit.id);
  const { stories } = await listSiteStories({ asOf, audience, limit: ids.length || 1, ids, ...filter });
  const byId = new Map(stories.map((story) => [story.id, story]));
  return { stories: ids.flatMap((id) => byId.get(id) ?? []), total: found.total, perPage };
}

export async function listArticles(call: ApiCall): Promise<Response> {
  const url = new URL(call.request.url);
  const parsed = parseArticleListQuery(url.searchParams);
  if (!parsed.ok) return errorAnswer(parsed.problem, call.locale, call.headers);
  const query = parsed.value;
  const audience = audienceOf(call.client);
  const resolved = await resolveFilter(query);
  const tags = resolved?.tags ?? [SITE_TAGS.latest, SITE_TAGS.sections];
  const { value: page, lifetime } = await readThrough(call, {
    name: 'api-articles',
    args: [query, audience],
    tags,
    // Searches, times and names of nothing are not kept: anyone can send endless different ones,
    // and each would be an entry of its own (the site's search page is not kept either).
    cache: query.q === undefined && query.updatedSince === undefined && resolved !== null,
    read: async (asOf): Promise<StoryPage> => {
      if (!resolved) return { stories: [], total: 0, perPage: query.perPage };
      if (query.q !== undefined) return searchStories({ ...query, q: query.q }, resolved.filter, asOf, audience);
      const { stories, total } = await listSiteStories({ asOf, audience, limit: query.perPage, offset: (query.page - 1) * query.perPage, ...resolved.filter });
      return { stories, total, perPage: query.perPage };
    },
  });
  const meta = { pagination: pagination(query.page, page.perPage, page.total) };
  return jsonAnswer(call, { data: page.stories.map(summaryOf), meta }, { lifetime, tags }, { Link: paginationLinks(url, meta.pagination) });
}

// Control characters never occur in a slug, and PostgreSQL refuses NUL in text outright.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** `param` is the slug as the address carries it, percent-encoded or not. */
export async function getArticle(call: ApiCall, param: string): Promise<Response> {
  const read = readParameters(new URL(call.request.url).searchParams, []);
  if (!read.ok) return errorAnswer(read.problem, call.locale, call.headers);
  const slug = decodeSlugParam(param);
  if (slug.length === 0 || slug.length > MAX_SLUG_PARAMETER || CONTROL_CHARACTERS.test(slug)) {
    return errorAnswer({ code: 'ARTICLE_NOT_FOUND' }, call.locale, call.headers);
  }
  const audience = audienceOf(call.client);
  const tag = slugTag(slug);
  const tags = tag ? [tag] : [SITE_TAGS.latest];
  // Kept rendered: the body's HTML is made once per change, not once per request.
  const { value: lookup, lifetime } = await readThrough(call, {
    name: 'api-article',
    args: [slug, audience],
    tags,
    cache: true,
    read: async (asOf): Promise<ArticleLookup> => {
      const found = await findSiteArticle(slug, asOf, undefined, audience);
      return found.kind === 'article' ? { kind: 'article', article: articleOf(found.article) } : found;
    },
  });
  if (lookup.kind === 'missing') return errorAnswer({ code: 'ARTICLE_NOT_FOUND' }, call.locale, call.headers);
  if (lookup.kind === 'redirect') return redirectAnswer(call, apiArticlePath(lookup.slug), { lifetime, tags });
  return jsonAnswer(call, { data: lookup.article }, { lifetime, tags: [...tags, SITE_TAGS.article(lookup.article.id)] });
}
