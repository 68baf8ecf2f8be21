import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * A WordPress export (WXR 1.1 and 1.2) read as a stream: the file arrives in chunks and each
 * author, category, tag and item is handed over as soon as its closing tag is read, so memory holds
 * one item at a time however large the export. Element names keep their prefixes (`wp:post_id`);
 * WXR files declare the namespaces but WordPress has always written them with these prefixes.
 */

export interface WxrAuthor {
  kind: 'author';
  login: string;
  email: string;
  displayName: string;
}

export interface WxrTerm {
  kind: 'category' | 'tag';
  /** WordPress's term id (`?cat=<id>` addresses a category by it); null when missing. */
  id: number | null;
  slug: string;
  name: string;
  /** A category's parent, by slug; empty at the top. */
  parent: string;
}

export interface WxrItem {
  kind: 'item';
  /** The item's place in the file, for reports: 1 for the first item. */
  position: number;
  postId: number | null;
  postType: string;
  status: string;
  title: string;
  link: string;
  creator: string;
  /** The post's own slug as WordPress stored it: percent-encoded, possibly cut short. */
  postName: string;
  /** `wp:post_date`: a wall time in the site's zone ("2024-03-07 14:05:00"). */
  postDate: string;
  /** `wp:post_date_gmt`: the same in UTC; "0000-00-00 00:00:00" for drafts never published. */
  postDateGmt: string;
  content: string;
  excerpt: string;
  parentId: number | null;
  attachmentUrl: string;
  /** Categories and tags the item is filed under. */
  terms: { domain: string; slug: string; name: string }[];
  meta: Record<string, string>;
}

export interface WxrChannel {
  kind: 'channel';
  version: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

/** The file could not be read on from here (truncated, not XML); everything before it was handed over. */
export interface WxrBroken {
  kind: 'broken';
  message: string;
  /** How many items were read before the fault. */
  itemsRead: number;
}

export type WxrEntry = WxrChannel | WxrAuthor | WxrTerm | WxrItem | WxrBroken;

/** A value the reader is not built for: an element's text longer than this is cut (a body is far below it). */
const MAX_TEXT = 10_000_000;

/**
 * Reads WXR from chunks of text or bytes (UTF-8). A file that is not WXR at all (no `<rss>` with
 * a WXR version) ends with one `broken` entry and nothing else.
 */
export async function* readWxr(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<WxrEntry> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const ready: WxrEntry[] = [];
  const path: string[] = [];
  let text = '';
  let item: WxrItem | null = null;
  let record: Record<string, string> | null = null;
  let term: { domain: string; slug: string } | null = null;
  let meta: { key: string; value: string } | null = null;
  const channel: WxrChannel = { kind: 'channel', version: '', baseSiteUrl: '', baseBlogUrl: '' };
  let channelSent = false;
  let items = 0;
  let sawRss = false;

  let failure: string | null = null;
  let notExport: string | null = null;
  // The version comes first in every WXR channel: content before it means this is not an export.
  const sendChannel = () => {
    if (channelSent) return;
    channelSent = true;
    if (channel.version) ready.push(channel);
    else notExport ??= 'not a WordPress export: no wp:wxr_version before the content';
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    path.push(name);
    text = '';
    if (path.length === 1) {
      sawRss = name === 'rss';
      return;
    }
    if (name === 'item' && path.length === 3) {
      sendChannel();
      items++;
      item = emptyItem(items);
    } else if ((name === 'wp:author' || name === 'wp:category' || name === 'wp:tag') && path.length === 3) {
      sendChannel();
      record = {};
    } else if (item && name === 'category') {
      term = { domain: String(tag.attributes.domain ?? ''), slug: String(tag.attributes.nicename ?? '') };
    } else if (item && name === 'wp:postmeta') {
      meta = { key: '', value: '' };
    }
  });

  const addText = (value: string) => {
    if (text.length < MAX_TEXT) text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', (tag) => {
    const name = tag.name;
    const value = text;
    text = '';
    path.pop();
    if (path.length === 2 && !item && !record) {
      if (name === 'wp:wxr_version') channel.version = value.trim();
      else if (name === 'wp:base_site_url') channel.baseSiteUrl = value.trim();
      else if (name === 'wp:base_blog_url') channel.baseBlogUrl = value.trim();
      return;
    }
    if (record) {
      if (path.length === 2) {
        ready.push(recordEntry(name, record));
        record = null;
      } else {
        record[name] = value;
      }
      return;
    }
    if (!item) return;
    if (name === 'item' && path.length === 2) {
      ready.push(item);
      item = null;
      return;
    }
    if (term && name === 'category') {
      item.terms.push({ ...term, name: value.trim() });
      term = null;
    } else if (meta && name === 'wp:meta_key') meta.key = value;
    else if (meta && name === 'wp:meta_value') meta.value = value;
    else if (meta && name === 'wp:postmeta') {
      if (meta.key) item.meta[meta.key] = meta.value;
      meta = null;
    } else if (path.length === 3) fillItem(item, name, value);
  });

  parser.on('error', (error) => {
    failure ??= error.message;
  });

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of chunks) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (failure) break;
      if (path.length >= 1 && !sawRss) notExport ??= 'not a WordPress export: the document is not RSS';
      if (notExport) break;
      yield* ready.splice(0);
    }
    if (!failure && !notExport) parser.close();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (!channel.version) notExport ??= 'not a WordPress export: no wp:wxr_version';
  if (notExport) {
    yield { kind: 'broken', message: notExport, itemsRead: 0 };
    return;
  }
  yield* ready.splice(0);
  if (failure) yield { kind: 'broken', message: failure, itemsRead: items - (item ? 1 : 0) };
}

function emptyItem(position: number): WxrItem {
  return {
    kind: 'item',
    position,
    postId: null,
    postType: '',
    status: '',
    title: '',
    link: '',
    creator: '',
    postName: '',
    postDate: '',
    postDateGmt: '',
    content: '',
    excerpt: '',
    parentId: null,
    attachmentUrl: '',
    terms: [],
    meta: {},
  };
}

function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null;
}

function fillItem(item: WxrItem, name: string, value: string): void {
  switch (name) {
    case 'title':
      item.title = value;
      break;
    case 'link':
      item.link = value.trim();
      break;
    case 'dc:creator':
      item.creator = value.trim();
      break;
    case 'content:encoded':
      item.content = value;
      break;
    case 'excerpt:encoded':
      item.excerpt = value;
      break;
    case 'wp:post_id':
      item.postId = wholeNumber(value);
      break;
    case 'wp:post_type':
      item.postType = value.trim();
      break;
    case 'wp:status':
      item.status = value.trim();
      break;
    case 'wp:post_name':
      item.postName = value.trim();
      break;
    case 'wp:post_date':
      item.postDate = value.trim();
      break;
    case 'wp:post_date_gmt':
      item.postDateGmt = value.trim();
      break;
    case 'wp:post_parent':
      item.parentId = wholeNumber(value) || null;
      break;
    case 'wp:attachment_url':
      item.attachmentUrl = value.trim();
      break;
  }
}

function recordEntry(name: string, fields: Record<string, string>): WxrEntry {
  const field = (key: string) => (fields[key] ?? '').trim();
  if (name === 'wp:author') {
    return { kind: 'author', login: field('wp:author_login'), email: field('wp:author_email'), displayName: field('wp:author_display_name') };
  }
  if (name === 'wp:category') {
    return { kind: 'category', id: wholeNumber(field('wp:term_id')), slug: field('wp:category_nicename'), name: field('wp:cat_name'), parent: field('wp:category_parent') };
  }
  return { kind: 'tag', id: wholeNumber(field('wp:term_id')), slug: field('wp:tag_slug'), name: field('wp:tag_name'), parent: '' };
}
