import { describe, expect, it } from 'vitest';
import { EMBED_PROVIDERS, embedFrameSources, MAX_EMBED_URL_LENGTH, parseEmbedUrl, storedEmbed, type EmbedRefusal } from './embeds';

const YT = 'dQw4w9WgXcQ';

describe('parseEmbedUrl: the canonical form of every allowed shape', () => {
  const cases: [string, string, string, string][] = [
    // input, provider, canonical, frame
    [`https://www.youtube.com/watch?v=${YT}`, 'youtube', `https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtube.com/watch?v=${YT}&t=42s&si=abc`, 'youtube', `https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://m.youtube.com/watch?feature=share&v=${YT}`, 'youtube', `https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtu.be/${YT}?si=xyz`, 'youtube', `https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://www.youtube.com/shorts/${YT}`, 'youtube', `https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`  HTTPS://WWW.YOUTUBE.COM/watch?v=${YT}#t=1  `, 'youtube', `https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    ['https://x.com/AJArabic/status/1234567890123456789', 'x', 'https://x.com/AJArabic/status/1234567890123456789', 'https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&dnt=true'],
    ['https://twitter.com/AJArabic/status/1234567890?s=20', 'x', 'https://x.com/AJArabic/status/1234567890', 'https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true'],
    ['https://mobile.twitter.com/a_b/status/42/photo/1', 'x', 'https://x.com/a_b/status/42', 'https://platform.twitter.com/embed/Tweet.html?id=42&dnt=true'],
    [
      'https://www.facebook.com/aljazeera/posts/10158888888888888',
      'facebook',
      'https://www.facebook.com/aljazeera/posts/10158888888888888',
      'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Faljazeera%2Fposts%2F10158888888888888',
    ],
    [
      'https://m.facebook.com/some.page/posts/pfbid02abcDEF1234567890xyz',
      'facebook',
      'https://www.facebook.com/some.page/posts/pfbid02abcDEF1234567890xyz',
      'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fsome.page%2Fposts%2Fpfbid02abcDEF1234567890xyz',
    ],
    [
      'https://facebook.com/aljazeera/videos/123456789/',
      'facebook',
      'https://www.facebook.com/aljazeera/videos/123456789',
      'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Faljazeera%2Fvideos%2F123456789',
    ],
    ['https://www.instagram.com/p/C1a2B3c4D5e/', 'instagram', 'https://www.instagram.com/p/C1a2B3c4D5e/', 'https://www.instagram.com/p/C1a2B3c4D5e/embed'],
    ['https://instagram.com/reel/C1a2B3c4D5e?igsh=abc', 'instagram', 'https://www.instagram.com/reel/C1a2B3c4D5e/', 'https://www.instagram.com/reel/C1a2B3c4D5e/embed'],
    ['https://www.tiktok.com/@some.user_1/video/7234567890123456789', 'tiktok', 'https://www.tiktok.com/@some.user_1/video/7234567890123456789', 'https://www.tiktok.com/embed/v2/7234567890123456789'],
    ['https://tiktok.com/@bbcnews/video/7234567890123456789?lang=ar', 'tiktok', 'https://www.tiktok.com/@bbcnews/video/7234567890123456789', 'https://www.tiktok.com/embed/v2/7234567890123456789'],
    ['https://t.me/durov/123', 'telegram', 'https://t.me/durov/123', 'https://t.me/durov/123?embed=1'],
    ['https://t.me/AlJazeera_Arabic/98765?single', 'telegram', 'https://t.me/AlJazeera_Arabic/98765', 'https://t.me/AlJazeera_Arabic/98765?embed=1'],
  ];

  it.each(cases)('%s', (input, provider, canonicalUrl, frameUrl) => {
    const result = parseEmbedUrl(input);
    expect(result).toMatchObject({ ok: true, provider, canonicalUrl, frameUrl });
    // The canonical form reads back as itself: what is stored validates.
    expect(parseEmbedUrl(canonicalUrl)).toMatchObject({ ok: true, provider, canonicalUrl, frameUrl });
    expect(storedEmbed(provider, canonicalUrl)).toMatchObject({ provider, canonicalUrl, frameUrl });
  });

  it('points every frame at its provider frame host, over https', () => {
    for (const [input] of cases) {
      const result = parseEmbedUrl(input);
      if (!result.ok) throw new Error(input);
      expect(embedFrameSources()).toContain(new URL(result.frameUrl).origin);
    }
  });
});

describe('parseEmbedUrl: every refusal, with its reason', () => {
  const refused: [string, string, EmbedRefusal][] = [
    ['nothing', '', 'empty'],
    ['spaces only', '   ', 'empty'],
    ['too long', `https://www.youtube.com/watch?v=${YT}&x=${'a'.repeat(MAX_EMBED_URL_LENGTH)}`, 'too-long'],
    ['javascript:', 'javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ', 'scheme'],
    ['JavaScript: mixed case', 'JaVaScRiPt:alert(document.cookie)', 'scheme'],
    ['javascript: hidden by a tab', 'java\tscript:alert(1)', 'invalid'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'scheme'],
    ['vbscript:', 'vbscript:msgbox(1)', 'scheme'],
    ['file:', 'file:///etc/passwd', 'scheme'],
    ['plain http', `http://www.youtube.com/watch?v=${YT}`, 'scheme'],
    ['no scheme', `www.youtube.com/watch?v=${YT}`, 'invalid'],
    ['protocol-relative', `//www.youtube.com/watch?v=${YT}`, 'invalid'],
    ['https with one slash', `https:/www.youtube.com/watch?v=${YT}`, 'invalid'],
    ['https with three slashes', `https:///www.youtube.com/watch?v=${YT}`, 'invalid'],
    ['another host', 'https://example.org/watch?v=dQw4w9WgXcQ', 'host'],
    ['look-alike suffix', `https://youtube.com.evil.com/watch?v=${YT}`, 'host'],
    ['look-alike prefix', `https://evilyoutube.com/watch?v=${YT}`, 'host'],
    ['subdomain not listed', `https://evil.youtube.com/watch?v=${YT}`, 'host'],
    ['x.com look-alike', 'https://x.com.evil.com/a/status/1', 'host'],
    ['t.me look-alike', 'https://t.me.evil.com/durov/1', 'host'],
    ['credentials before the host', `https://youtube.com@evil.com/watch?v=${YT}`, 'host'],
    ['credentials before an allowed host', `https://user:pass@www.youtube.com/watch?v=${YT}`, 'host'],
    ['a port', `https://www.youtube.com:443/watch?v=${YT}`, 'host'],
    ['another port', `https://www.youtube.com:8443/watch?v=${YT}`, 'host'],
    ['punycode homograph', `https://xn--yutube-wqf.com/watch?v=${YT}`, 'host'],
    ['Cyrillic homograph', `https://www.yоutube.com/watch?v=${YT}`, 'host'],
    ['full-width dot', `https://www.youtube\uFF0Ecom/watch?v=${YT}`, 'host'],
    ['encoded dot in the host', `https://www.youtube%2ecom/watch?v=${YT}`, 'host'],
    ['trailing dot on the host', `https://www.youtube.com./watch?v=${YT}`, 'host'],
    ['IP address', `https://142.250.1.1/watch?v=${YT}`, 'host'],
    ['backslash after the host', `https://evil.com\\@www.youtube.com/watch?v=${YT}`, 'invalid'],
    ['backslash as a slash', `https://www.youtube.com\\watch?v=${YT}`, 'invalid'],
    ['space inside', `https://www.you tube.com/watch?v=${YT}`, 'invalid'],
    ['tab inside', `https://www.youtube.com/watch?v=\t${YT}`, 'invalid'],
    ['new line inside', `https://www.youtube.com/watch\n?v=${YT}`, 'invalid'],
    ['NUL inside', `https://www.youtube.com/watch?v=${YT}\u0000`, 'invalid'],
    ['zero-width space', `https://www.you\u200Btube.com/watch?v=${YT}`, 'invalid'],
    ['bidi override', `https://www.youtube.com/\u202Ewatch?v=${YT}`, 'invalid'],
    ['no-break space', `https://www.youtube.com/watch?v=${YT}\u00A0x`, 'invalid'],
    ['YouTube channel page', 'https://www.youtube.com/@AljazeeraChannel', 'path'],
    ['YouTube watch without a video', 'https://www.youtube.com/watch', 'path'],
    ['YouTube id too short', 'https://www.youtube.com/watch?v=abc', 'path'],
    ['YouTube id with a quote', `https://www.youtube.com/watch?v=${YT.slice(0, 10)}'`, 'path'],
    ['YouTube two ids', `https://www.youtube.com/watch?v=${YT}&v=aaaaaaaaaaa`, 'path'],
    ['YouTube path traversal', `https://www.youtube.com/shorts/../watch?v=${YT}`, 'path'],
    ['YouTube encoded path', `https://www.youtube.com/%73horts/${YT}`, 'path'],
    ['YouTube double slash', `https://www.youtube.com//watch?v=${YT}`, 'path'],
    ['youtu.be with no id', 'https://youtu.be/', 'path'],
    ['X profile', 'https://x.com/AJArabic', 'path'],
    ['X status id not a number', 'https://x.com/AJArabic/status/12ab', 'path'],
    ['X user name too long', 'https://x.com/abcdefghijklmnopq/status/1', 'path'],
    ['X search', 'https://x.com/search?q=news', 'path'],
    ['Facebook profile', 'https://www.facebook.com/aljazeera', 'path'],
    ['Facebook share dialog', 'https://www.facebook.com/sharer/sharer.php?u=https://evil.com', 'path'],
    ['Facebook video id not a number', 'https://www.facebook.com/aljazeera/videos/abc', 'path'],
    ['Instagram profile', 'https://www.instagram.com/aljazeera/', 'path'],
    ['Instagram story', 'https://www.instagram.com/stories/aljazeera/123/', 'path'],
    ['TikTok profile', 'https://www.tiktok.com/@bbcnews', 'path'],
    ['TikTok handle without @', 'https://www.tiktok.com/bbcnews/video/7234567890123456789', 'path'],
    ['Telegram channel only', 'https://t.me/durov', 'path'],
    ['Telegram invite link', 'https://t.me/+AbCdEf123', 'path'],
    ['Telegram post not a number', 'https://t.me/durov/abc', 'path'],
  ];

  it.each(refused)('%s', (_name, input, reason) => {
    expect(parseEmbedUrl(input)).toEqual({ ok: false, reason });
  });

  it('refuses what is not a string at all', () => {
    expect(parseEmbedUrl(42 as unknown as string)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('storedEmbed', () => {
  it('accepts only a canonical address of the provider named beside it', () => {
    expect(storedEmbed('youtube', `https://www.youtube.com/watch?v=${YT}`)).not.toBeNull();
    expect(storedEmbed('youtube', `https://youtu.be/${YT}`)).toBeNull();
    expect(storedEmbed('x', `https://www.youtube.com/watch?v=${YT}`)).toBeNull();
    expect(storedEmbed('vimeo', 'https://vimeo.com/1')).toBeNull();
    expect(storedEmbed('youtube', `https://youtube.com.evil.com/watch?v=${YT}`)).toBeNull();
    expect(storedEmbed('youtube', 'javascript:alert(1)')).toBeNull();
    expect(storedEmbed('youtube', null)).toBeNull();
  });

  it('lists one frame origin per provider', () => {
    expect(embedFrameSources()).toHaveLength(EMBED_PROVIDERS.length);
    for (const origin of embedFrameSources()) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+$/);
  });
});
