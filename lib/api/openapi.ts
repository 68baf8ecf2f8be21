import { API_ERROR_CODES } from './errors';
import { DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_SLUG_PARAMETER } from './parameters';

/*
 * The content API described in OpenAPI 3.1 (served at /api/v1/openapi.json). The contract tests
 * (tests/integration/api) validate every answer of every endpoint against these schemas, so a
 * field added, dropped or renamed in the handlers without changing this document fails them.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const dateTime = { type: 'string', format: 'date-time' } as const;
const url = { type: 'string', format: 'uri' } as const;

const schemas = {
  Error: {
    type: 'object',
    additionalProperties: false,
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            description: 'Stable: branch on it. Besides these, 401 answers API_KEY_UNKNOWN (or another key code) and 429 a rate-limit code.',
            examples: API_ERROR_CODES,
          },
          message: { type: 'string', description: 'A sentence for people, in the language Accept-Language asks for (Arabic by default, or English).' },
          parameter: { type: 'string', description: 'The query parameter the error concerns, when it concerns one.' },
        },
      },
    },
  },
  Pagination: {
    type: 'object',
    additionalProperties: false,
    required: ['page', 'per_page', 'total', 'pages'],
    properties: {
      page: { type: 'integer', minimum: 1 },
      per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE },
      total: { type: 'integer', minimum: 0 },
      pages: { type: 'integer', minimum: 0 },
    },
  },
  ListMeta: {
    type: 'object',
    additionalProperties: false,
    required: ['pagination'],
    properties: { pagination: ref('Pagination') },
  },
  SectionRef: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'slug', 'name', 'url'],
    properties: { id: { type: 'integer' }, slug: { type: 'string' }, name: { type: 'string' }, url },
  },
  Image: {
    type: 'object',
    additionalProperties: false,
    required: ['url', 'alt', 'caption', 'credit', 'width', 'height'],
    properties: {
      url,
      alt: { type: 'string' },
      caption: { type: 'string' },
      credit: { type: 'string' },
      width: { type: 'integer', minimum: 0 },
      height: { type: 'integer', minimum: 0 },
    },
  },
  ArticleFields: {
    type: 'object',
    required: ['id', 'slug', 'url', 'api_url', 'title', 'summary', 'byline', 'author', 'section', 'published_at', 'updated_at', 'embargoed', 'pubstatus', 'image'],
    properties: {
      id: { type: 'integer' },
      slug: { type: 'string' },
      url: { ...url, description: 'The story on the site.' },
      api_url: { ...url, description: 'The story in this API.' },
      title: { type: 'string' },
      summary: { type: 'string' },
      byline: { type: 'string', description: 'The printed byline: the author’s name or the one the desk set.' },
      author: {
        description: 'The staff author, when the byline is their own name; null when the byline names someone else.',
        oneOf: [
          { type: 'null' },
          { type: 'object', additionalProperties: false, required: ['id', 'url'], properties: { id: { type: 'integer' }, url } },
        ],
      },
      section: ref('SectionRef'),
      published_at: { ...dateTime, description: 'Publication as readers see it: never before an embargo’s end.' },
      updated_at: { ...dateTime, description: 'Last change of the published content (the publication or a later published revision).' },
      embargoed: {
        description: 'IPTC ninjs: the embargo’s end while it is ahead (only partner keys see such stories), else null.',
        oneOf: [{ type: 'null' }, dateTime],
      },
      pubstatus: { type: 'string', enum: ['usable', 'embargoed'], description: 'IPTC ninjs: usable once readers may see the story.' },
      image: { oneOf: [{ type: 'null' }, ref('Image')] },
    },
  },
  ArticleSummary: { allOf: [ref('ArticleFields')], unevaluatedProperties: false },
  Article: {
    allOf: [ref('ArticleFields')],
    type: 'object',
    required: ['body_html', 'body_text', 'tags', 'notes'],
    unevaluatedProperties: false,
    properties: {
      body_html: { type: 'string', description: 'The body as the article page renders it from the content schema.' },
      body_text: { type: 'string', description: 'The body as plain text, one paragraph per line.' },
      tags: { type: 'array', items: ref('TagRef') },
      notes: { type: 'array', items: ref('PublicNote'), description: 'Corrections and updates published with later versions of the story, newest first.' },
    },
  },
  PublicNote: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'text', 'published_at'],
    properties: {
      kind: { type: 'string', enum: ['correction', 'update'], description: 'correction («تصحيح»): the story was wrong; update («تحديث»): it says more.' },
      text: { type: 'string' },
      published_at: { type: 'string', format: 'date-time' },
    },
  },
  TagRef: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'slug', 'name', 'url'],
    properties: { id: { type: 'integer' }, slug: { type: 'string' }, name: { type: 'string' }, url },
  },
  Section: ref('SectionRef'),
  Tag: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'slug', 'name', 'story_count', 'url'],
    properties: { id: { type: 'integer' }, slug: { type: 'string' }, name: { type: 'string' }, story_count: { type: 'integer', minimum: 1 }, url },
  },
  Author: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'story_count', 'url'],
    properties: { id: { type: 'integer' }, name: { type: 'string' }, story_count: { type: 'integer', minimum: 1 }, url },
  },
};

const listOf = (item: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['data', 'meta'],
  properties: { data: { type: 'array', items: ref(item) }, meta: ref('ListMeta') },
});

const headers = {
  ETag: { description: 'The answer’s entity tag: send it back in If-None-Match for a 304.', schema: { type: 'string' } },
  CacheControl: {
    description:
      'Anonymous answers: `public, max-age=0, s-maxage=<seconds>, stale-while-revalidate=30`, purged by surrogate key when the desk changes them. Answers to a call with a key: `private, no-store`. Errors: `no-store`.',
    schema: { type: 'string' },
  },
  Link: { description: 'RFC 8288 links to the first, previous, next and last pages, keeping the other parameters.', schema: { type: 'string' } },
  RetryAfter: { description: 'Seconds to wait before calling again.', schema: { type: 'integer', minimum: 0 } },
  Location: { description: 'The article’s address under its current slug.', schema: { type: 'string' } },
};

const json = (schema: unknown) => ({ 'application/json': { schema } });

const responses = {
  NotModified: { description: 'The caller’s copy (If-None-Match) is current.', headers: { ETag: { $ref: '#/components/headers/ETag' } } },
  BadRequest: { description: 'A parameter is unknown, repeated, malformed or out of range.', content: json(ref('Error')) },
  Unauthorized: {
    description: 'The Authorization header names no valid key.',
    headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
    content: json(ref('Error')),
  },
  NotFound: { description: 'Nothing readable here.', content: json(ref('Error')) },
  TooManyRequests: {
    description: 'The key’s (or the anonymous) rate limit is reached.',
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
    content: json(ref('Error')),
  },
};

const okHeaders = (list: boolean) => ({
  ETag: { $ref: '#/components/headers/ETag' },
  'Cache-Control': { $ref: '#/components/headers/CacheControl' },
  ...(list ? { Link: { $ref: '#/components/headers/Link' } } : {}),
});

const common = {
  '304': response('NotModified'),
  '400': response('BadRequest'),
  '401': response('Unauthorized'),
  '429': response('TooManyRequests'),
};

const listOperation = (id: string, summary: string, item: string, parameters: unknown[]) => ({
  get: {
    operationId: id,
    summary,
    parameters: [parameter('page'), parameter('per_page'), ...parameters],
    responses: { '200': { description: summary, headers: okHeaders(true), content: json(listOf(item)) }, ...common },
  },
});

const queryParameter = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema });

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Midad content API',
      version: '1',
      description:
        'Read-only JSON of what the site publishes. No key is needed; a key goes in `Authorization: Bearer <key>`. Partner keys also read embargoed stories, with `embargoed` and `pubstatus`. Unknown parameters are refused (400).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: origin }],
    security: [{}, { bearer: [] }],
    paths: {
      '/api/v1/articles': listOperation('listArticles', 'Published stories, newest first (by relevance with q).', 'ArticleSummary', [
        queryParameter('section', 'Only stories of the section with this slug.', { type: 'string', maxLength: MAX_SLUG_PARAMETER }),
        queryParameter('tag', 'Only stories with the tag of this slug.', { type: 'string', maxLength: MAX_SLUG_PARAMETER }),
        queryParameter('author', 'Only stories by the author with this id.', { type: 'integer', minimum: 1 }),
        queryParameter('q', 'Search, as the site’s search: Arabic-normalised; combines with section only; at most 50 per page and 100 pages.', {
          type: 'string',
        }),
        queryParameter('updated_since', 'Only stories whose published content changed at or after this RFC 3339 time.', { type: 'string', format: 'date-time' }),
      ]),
      '/api/v1/articles/{slug}': {
        get: {
          operationId: 'getArticle',
          summary: 'One published story with its rendered body.',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The story.',
              headers: okHeaders(false),
              content: json({ type: 'object', additionalProperties: false, required: ['data'], properties: { data: ref('Article') } }),
            },
            '308': { description: 'An earlier slug of the story: permanently moved to its current one.', headers: { Location: { $ref: '#/components/headers/Location' } } },
            ...common,
            '404': response('NotFound'),
          },
        },
      },
      '/api/v1/sections': listOperation('listSections', 'Sections, in the site’s navigation order.', 'Section', []),
      '/api/v1/tags': listOperation('listTags', 'Tags of readable stories, the most used first.', 'Tag', []),
      '/api/v1/authors': listOperation('listAuthors', 'Authors of readable stories, by name.', 'Author', []),
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document.',
          responses: { '200': { description: 'OpenAPI 3.1.', headers: okHeaders(false), content: json({ type: 'object' }) }, ...common },
        },
      },
    },
    components: {
      schemas,
      responses,
      headers,
      parameters: {
        page: { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 } },
        per_page: { name: 'per_page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE } },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key made by an administrator in /desk/api-keys.' } },
    },
  };
}
