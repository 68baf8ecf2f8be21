import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { LONE_SURROGATES } from '../arabic/characters';
import { AppError, type ErrorCode } from '../errors';
import { isMediaSrc } from '../media/keys';
import { isEmbedProvider, MAX_EMBED_URL_LENGTH, storedEmbed } from './embeds';
import { contentExtensions, HEADING_LEVELS, TEXT_DIRECTIONS } from './extensions';
import { isImageAlt, isImageCaption, isImageCredit, isImageDimension, isMediaId } from './image';
import { isSafeHref } from './links';
import type { ContentDocument } from './types';

/** Largest stored body, measured as its JSON text. Larger bodies are refused, never cut. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
/** Deepest nesting of nodes accepted (lists inside quotes inside lists …). */
export const MAX_DOCUMENT_DEPTH = 24;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);

let cachedSchema: Schema | undefined;
export function contentSchema(): Schema {
  cachedSchema ??= getSchema(contentExtensions);
  return cachedSchema;
}

type AttrCheck = (value: unknown) => boolean;
const isDirection: AttrCheck = (v) => typeof v === 'string' && (TEXT_DIRECTIONS as readonly string[]).includes(v);
const isOptionalString: AttrCheck = (v) => v === null || (typeof v === 'string' && v.length <= 2048);

/** Attribute rules beyond "is declared by the schema": every declared attribute has one. */
const ATTRIBUTE_RULES: Record<string, Record<string, AttrCheck>> = {
  paragraph: { dir: isDirection },
  heading: { dir: isDirection, level: (v) => (HEADING_LEVELS as readonly unknown[]).includes(v) },
  blockquote: { dir: isDirection },
  bulletList: { dir: isDirection },
  orderedList: {
    dir: isDirection,
    start: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100_000,
    type: isOptionalString,
  },
  listItem: { dir: isDirection },
  pullQuote: { dir: isDirection },
  image: {
    dir: isDirection,
    mediaId: isMediaId,
    src: isMediaSrc,
    alt: isImageAlt,
    caption: isImageCaption,
    credit: isImageCredit,
    width: isImageDimension,
    height: isImageDimension,
  },
  embed: {
    provider: isEmbedProvider,
    url: (v) => typeof v === 'string' && v.length <= MAX_EMBED_URL_LENGTH,
  },
  link: {
    href: (v) => typeof v === 'string' && isSafeHref(v),
    target: (v) => v === null || v === '_blank',
    rel: isOptionalString,
    class: (v) => v === null,
    title: isOptionalString,
  },
};

/** Attributes a node cannot do without: the schema's defaults would make it meaningless or inaccessible. */
const REQUIRED_ATTRIBUTES: Record<string, readonly string[]> = {
  image: ['mediaId', 'src', 'alt'],
  embed: ['provider', 'url'],
};

/** Failures that get their own message, so the desk can say what to fix. */
const SPECIFIC_CODES: Record<string, Record<string, ErrorCode>> = {
  link: { href: 'CONTENT_BAD_LINK' },
  image: { mediaId: 'CONTENT_BAD_IMAGE', src: 'CONTENT_BAD_IMAGE', alt: 'CONTENT_BAD_IMAGE' },
  embed: { provider: 'CONTENT_BAD_EMBED', url: 'CONTENT_BAD_EMBED' },
};

/**
 * Characters PostgreSQL cannot store: NUL (refused in text and jsonb alike) and halves of surrogate
 * pairs (not encodable as UTF-8). A body carrying one would fail with a database error; it is
 * refused here with a code instead. Other controls are stored as written (feeds drop them).
 */
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATES.source}`);

function checkStorable(value: string, path: string) {
  if (UNSTORABLE.test(value)) fail('CONTENT_BAD_CHARACTER', 'text that cannot be stored (NUL or a lone surrogate)', path);
}

function fail(code: ErrorCode, message: string, path: string): never {
  throw new AppError(code, `${message} (at ${path})`, { path });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: Set<string>, path: string) {
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) fail('CONTENT_FORBIDDEN_KEY', `forbidden key "${key}"`, path);
    if (!allowed.has(key)) fail('CONTENT_INVALID', `unexpected key "${key}"`, path);
  }
}

function checkAttrs(typeName: string, declared: Record<string, unknown>, attrs: unknown, path: string) {
  for (const name of REQUIRED_ATTRIBUTES[typeName] ?? []) {
    if (!isPlainObject(attrs) || !Object.hasOwn(attrs, name)) {
      fail(SPECIFIC_CODES[typeName]?.[name] ?? 'CONTENT_INVALID', `missing attribute "${name}" on ${typeName}`, path);
    }
  }
  if (attrs === undefined) return;
  if (!isPlainObject(attrs)) fail('CONTENT_INVALID', 'attrs must be an object', path);
  const rules = ATTRIBUTE_RULES[typeName] ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    if (FORBIDDEN_KEYS.has(name)) fail('CONTENT_FORBIDDEN_KEY', `forbidden key "${name}"`, path);
    if (!Object.hasOwn(declared, name)) fail('CONTENT_INVALID', `unknown attribute "${name}" on ${typeName}`, path);
    const rule = rules[name];
    const ok = rule ? rule(value) : value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!ok) fail(SPECIFIC_CODES[typeName]?.[name] ?? 'CONTENT_INVALID', `bad value for attribute "${name}" on ${typeName}`, path);
    if (typeof value === 'string') checkStorable(value, path);
  }
}

function walk(schema: Schema, node: unknown, path: string, depth: number) {
  if (depth > MAX_DOCUMENT_DEPTH) fail('CONTENT_TOO_DEEP', 'document is nested too deeply', path);
  if (!isPlainObject(node)) fail('CONTENT_INVALID', 'node must be an object', path);
  checkKeys(node, NODE_KEYS, path);
  const typeName = node.type;
  if (typeof typeName !== 'string' || !Object.hasOwn(schema.nodes, typeName)) {
    fail('CONTENT_INVALID', `unknown node type "${String(typeName)}"`, path);
  }
  checkAttrs(typeName, schema.nodes[typeName]!.spec.attrs ?? {}, node.attrs, path);
  // An embed's address is read again through the allow-list: only the canonical form of an
  // allowed post, of the provider named beside it, may be stored (docs/decisions/0035).
  if (typeName === 'embed') {
    const attrs = node.attrs as Record<string, unknown>;
    if (!storedEmbed(attrs.provider, attrs.url)) fail('CONTENT_BAD_EMBED', 'embed address not allowed', path);
  }
  if (node.text !== undefined) {
    if (typeof node.text !== 'string') fail('CONTENT_INVALID', 'text must be a string', path);
    checkStorable(node.text, path);
  }
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) fail('CONTENT_INVALID', 'marks must be a list', path);
    node.marks.forEach((mark: unknown, i) => {
      const markPath = `${path}.marks[${i}]`;
      if (!isPlainObject(mark)) fail('CONTENT_INVALID', 'mark must be an object', markPath);
      checkKeys(mark, MARK_KEYS, markPath);
      const markName = mark.type;
      if (typeof markName !== 'string' || !Object.hasOwn(schema.marks, markName)) {
        fail('CONTENT_INVALID', `unknown mark "${String(markName)}"`, markPath);
      }
      checkAttrs(markName, schema.marks[markName]!.spec.attrs ?? {}, mark.attrs, markPath);
    });
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) fail('CONTENT_INVALID', 'content must be a list', path);
    node.content.forEach((child: unknown, i) => walk(schema, child, `${path}.content[${i}]`, depth + 1));
  }
}

/**
 * Checks an untrusted body against the content schema and returns it in canonical form.
 * Throws AppError with a CONTENT_* code and the path of the offending node; never repairs
 * or trims silently.
 */
export function validateDocument(input: unknown): ContentDocument {
  const size = Buffer.byteLength(JSON.stringify(input) ?? '', 'utf8');
  if (size > MAX_DOCUMENT_BYTES) {
    throw new AppError('CONTENT_TOO_LARGE', `document is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES}`);
  }
  const schema = contentSchema();
  walk(schema, input, 'doc', 0);
  if ((input as { type: unknown }).type !== 'doc') fail('CONTENT_INVALID', 'the root node must be a document', 'doc');
  try {
    const node = schema.nodeFromJSON(input);
    node.check();
    // ProseMirror builds attrs on null-prototype objects; a JSON round trip gives plain ones that
    // React can pass to client components and that compare and serialise like any other JSON.
    return JSON.parse(JSON.stringify(node.toJSON())) as ContentDocument;
  } catch (error) {
    throw new AppError('CONTENT_INVALID', error instanceof Error ? error.message : 'invalid document');
  }
}
