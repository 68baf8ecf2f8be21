/**
 * Posts from other platforms placed in a story (docs/decisions/0035). A pasted address is accepted
 * only when it is an https address of one of these providers, on one of its exact hosts, in one
 * of the shapes that name a single post or video; it is then stored in one canonical form. The
 * reader's page asks the provider for its frame only after the reader chooses to see it.
 *
 * Pure string work with no dependencies: the editor, the validator, the renderer and the reader's
 * small script all use it, so what the desk accepts is exactly what the server stores and what a
 * page may load.
 */

export const EMBED_PROVIDERS = ['x', 'youtube', 'facebook', 'instagram', 'tiktok', 'telegram'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

/** Longest address accepted, pasted or stored. */
export const MAX_EMBED_URL_LENGTH = 500;

export interface Embed {
  provider: EmbedProvider;
  /** The one stored form of the address: what readers get as a link, feeds and search included. */
  canonicalUrl: string;
  /** The provider's id of the post or video (for Facebook and Telegram, the path that names it). */
  id: string;
  /** The provider's documented frame address, loaded only after the reader asks. */
  frameUrl: string;
}

export type EmbedRefusal = 'empty' | 'too-long' | 'invalid' | 'scheme' | 'host' | 'path';
export type EmbedResult = ({ ok: true } & Embed) | { ok: false; reason: EmbedRefusal };

/** Exact hosts a pasted address may name, lower case. Nothing else matches: no suffixes, no look-alikes. */
const HOSTS: Record<string, EmbedProvider> = {
  'x.com': 'x',
  'www.x.com': 'x',
  'mobile.x.com': 'x',
  'twitter.com': 'x',
  'www.twitter.com': 'x',
  'mobile.twitter.com': 'x',
  'youtube.com': 'youtube',
  'www.youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'facebook.com': 'facebook',
  'www.facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'instagram.com': 'instagram',
  'www.instagram.com': 'instagram',
  'tiktok.com': 'tiktok',
  'www.tiktok.com': 'tiktok',
  'm.tiktok.com': 'tiktok',
  't.me': 'telegram',
};

/**
 * The hosts a reader's page may frame, one or more per provider: the Content-Security-Policy's
 * `frame-src` is built from this list and nothing else.
 */
export const EMBED_FRAME_ORIGINS: Record<EmbedProvider, string> = {
  x: 'https://platform.twitter.com',
  youtube: 'https://www.youtube-nocookie.com',
  facebook: 'https://www.facebook.com',
  instagram: 'https://www.instagram.com',
  tiktok: 'https://www.tiktok.com',
  telegram: 'https://t.me',
};

/** What each provider's frame needs of the sandbox; nothing is granted by default. */
export const EMBED_SANDBOX: Record<EmbedProvider, string> = {
  x: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
  youtube: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
  facebook: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
  instagram: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
  tiktok: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
  telegram: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
};

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const X_USER = /^[A-Za-z0-9_]{1,15}$/;
const NUMERIC_ID = /^[0-9]{1,20}$/;
const FACEBOOK_PAGE = /^[A-Za-z0-9.]{1,80}$/;
const FACEBOOK_POST = /^(?:[0-9]{1,25}|pfbid[A-Za-z0-9]{10,80})$/;
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,40}$/;
const TIKTOK_USER = /^[A-Za-z0-9_.]{1,24}$/;
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const TELEGRAM_POST = /^[0-9]{1,10}$/;

// Whitespace and invisible characters anywhere inside the address (its ends are trimmed), and
// backslashes, which browsers read as slashes: any of them means someone is hiding something.
const HIDDEN = /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\\]/;
// An authority of plain ASCII host letters only: no "user@", no ":port", no "%2e", no Unicode.
const AUTHORITY = /^[a-z0-9.-]+$/;
// Paths of the shapes below use no other characters; "%" (encoded dots and slashes) never qualifies.
const PATH = /^[A-Za-z0-9._~@/-]*$/;

function refuse(reason: EmbedRefusal): EmbedResult {
  return { ok: false, reason };
}

function accept(provider: EmbedProvider, id: string, canonicalUrl: string, frameUrl: string): EmbedResult {
  return { ok: true, provider, id, canonicalUrl, frameUrl };
}

/**
 * Reads an address typed or pasted into the desk, or stored in a body, as an embed; or says why
 * it is refused. Only `https://` followed by an allowed host qualifies; query strings and
 * fragments are dropped except YouTube's `v`.
 */
export function parseEmbedUrl(input: string): EmbedResult {
  if (typeof input !== 'string') return refuse('invalid');
  const text = input.trim();
  if (!text) return refuse('empty');
  if (text.length > MAX_EMBED_URL_LENGTH) return refuse('too-long');
  if (HIDDEN.test(text)) return refuse('invalid');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (!scheme || scheme[1]!.toLowerCase() !== 'https') return refuse(scheme ? 'scheme' : 'invalid');
  if (!/^https:\/\/[^/]/i.test(text)) return refuse('invalid');

  const rest = text.slice('https://'.length);
  const end = rest.search(/[/?#]/);
  const authority = (end === -1 ? rest : rest.slice(0, end)).toLowerCase();
  if (!AUTHORITY.test(authority) || authority.startsWith('.') || authority.endsWith('.')) return refuse('host');
  const provider = HOSTS[authority];
  if (!provider) return refuse('host');

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('invalid');
  }
  // The browser's reading of the address must agree with the one above, character for character.
  if (url.protocol !== 'https:' || url.hostname !== authority || url.port !== '' || url.username !== '' || url.password !== '') {
    return refuse('host');
  }
  const rawPath = end === -1 ? '' : rest.slice(end).replace(/[?#].*$/, '');
  if (!PATH.test(rawPath) || rawPath.includes('//') || url.pathname !== (rawPath || '/')) return refuse('path');
  const segments = rawPath.split('/').filter(Boolean);
  const params = url.searchParams;

  switch (provider) {
    case 'youtube':
      return youtube(authority, segments, params);
    case 'x':
      return x(segments);
    case 'facebook':
      return facebook(segments);
    case 'instagram':
      return instagram(segments);
    case 'tiktok':
      return tiktok(segments);
    case 'telegram':
      return telegram(segments);
  }
}

function youtube(host: string, segments: string[], params: URLSearchParams): EmbedResult {
  let id: string | undefined;
  if (host === 'youtu.be') {
    if (segments.length === 1) id = segments[0];
  } else if (segments.length === 1 && segments[0] === 'watch') {
    const values = params.getAll('v');
    if (values.length === 1) id = values[0];
  } else if (segments.length === 2 && (segments[0] === 'shorts' || segments[0] === 'embed' || segments[0] === 'live')) {
    id = segments[1];
  }
  if (!id || !YOUTUBE_ID.test(id)) return refuse('path');
  return accept('youtube', id, `https://www.youtube.com/watch?v=${id}`, `https://www.youtube-nocookie.com/embed/${id}`);
}

function x(segments: string[]): EmbedResult {
  // /<user>/status/<id>, optionally followed by /photo/1 or /video/1 (the same post).
  if (segments.length < 3 || segments.length > 5) return refuse('path');
  const [user, status, id, media, index] = segments;
  if (!X_USER.test(user!) || status !== 'status' || !NUMERIC_ID.test(id!)) return refuse('path');
  if (segments.length > 3 && (!(media === 'photo' || media === 'video') || !/^[1-4]$/.test(index ?? ''))) return refuse('path');
  return accept('x', id!, `https://x.com/${user}/status/${id}`, `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`);
}

function facebook(segments: string[]): EmbedResult {
  // /<page>/posts/<id> and /<page>/videos/<id>; the plugin is given the canonical address.
  if (segments.length !== 3) return refuse('path');
  const [page, kind, post] = segments;
  if (!FACEBOOK_PAGE.test(page!) || page!.startsWith('.') || !(kind === 'posts' || kind === 'videos')) return refuse('path');
  if (kind === 'posts' ? !FACEBOOK_POST.test(post!) : !NUMERIC_ID.test(post!)) return refuse('path');
  const canonicalUrl = `https://www.facebook.com/${page}/${kind}/${post}`;
  const plugin = kind === 'posts' ? 'post' : 'video';
  return accept('facebook', `${page}/${kind}/${post}`, canonicalUrl, `https://www.facebook.com/plugins/${plugin}.php?href=${encodeURIComponent(canonicalUrl)}`);
}

function instagram(segments: string[]): EmbedResult {
  if (segments.length !== 2) return refuse('path');
  const [kind, code] = segments;
  if (!(kind === 'p' || kind === 'reel') || !INSTAGRAM_CODE.test(code!)) return refuse('path');
  const canonicalUrl = `https://www.instagram.com/${kind}/${code}/`;
  return accept('instagram', code!, canonicalUrl, `${canonicalUrl}embed`);
}

function tiktok(segments: string[]): EmbedResult {
  if (segments.length !== 3) return refuse('path');
  const [handle, video, id] = segments;
  if (!handle!.startsWith('@') || !TIKTOK_USER.test(handle!.slice(1)) || video !== 'video' || !NUMERIC_ID.test(id!)) return refuse('path');
  return accept('tiktok', id!, `https://www.tiktok.com/${handle}/video/${id}`, `https://www.tiktok.com/embed/v2/${id}`);
}

function telegram(segments: string[]): EmbedResult {
  if (segments.length !== 2) return refuse('path');
  const [channel, post] = segments;
  if (!TELEGRAM_CHANNEL.test(channel!) || !TELEGRAM_POST.test(post!)) return refuse('path');
  const canonicalUrl = `https://t.me/${channel}/${post}`;
  return accept('telegram', `${channel}/${post}`, canonicalUrl, `${canonicalUrl}?embed=1`);
}

export function isEmbedProvider(value: unknown): value is EmbedProvider {
  return typeof value === 'string' && (EMBED_PROVIDERS as readonly string[]).includes(value);
}

/**
 * A stored embed as its parsed form, or null when it is not one this module would have stored:
 * the address must be allowed, already canonical, and of the provider named beside it.
 */
export function storedEmbed(provider: unknown, url: unknown): Embed | null {
  if (!isEmbedProvider(provider) || typeof url !== 'string') return null;
  const parsed = parseEmbedUrl(url);
  if (!parsed.ok || parsed.provider !== provider || parsed.canonicalUrl !== url) return null;
  return { provider: parsed.provider, canonicalUrl: parsed.canonicalUrl, id: parsed.id, frameUrl: parsed.frameUrl };
}

/** The `frame-src` sources of the public policy: exactly the providers' frame hosts. */
export function embedFrameSources(): string[] {
  return [...new Set(Object.values(EMBED_FRAME_ORIGINS))];
}
