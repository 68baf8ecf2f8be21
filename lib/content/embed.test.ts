import { describe, expect, it } from 'vitest';
import { isAppError, type ErrorCode } from '../errors';
import { hasEmbed, type EmbedCardLabels } from './embed';
import { documentToText, renderDocumentToHtml } from './render';
import { validateDocument } from './validate';

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const X_POST = 'https://x.com/AJArabic/status/1234567890';
const embed = (provider: unknown, url: unknown, extra: Record<string, unknown> = {}) => ({ type: 'embed', attrs: { provider, url, ...extra } });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const labels: EmbedCardLabels = {
  providers: { x: 'إكس', youtube: 'يوتيوب', facebook: 'فيسبوك', instagram: 'إنستغرام', tiktok: 'تيك توك', telegram: 'تيليغرام' },
  show: 'عرض',
};

function refusal(input: unknown): ErrorCode {
  try {
    validateDocument(input);
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('document was accepted');
}

describe('validateDocument: embeds', () => {
  it('accepts the canonical address of an allowed post, with its provider', () => {
    const result = validateDocument(doc(embed('youtube', YOUTUBE), embed('x', X_POST)));
    expect(result.content?.[0]).toEqual({ type: 'embed', attrs: { provider: 'youtube', url: YOUTUBE } });
    expect(hasEmbed(result)).toBe(true);
    expect(hasEmbed(validateDocument(doc({ type: 'paragraph' })))).toBe(false);
  });

  it.each([
    ['a look-alike host', embed('youtube', 'https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ')],
    ['a javascript: address', embed('youtube', 'javascript:alert(1)')],
    ['a data: address', embed('youtube', 'data:text/html,<script>alert(1)</script>')],
    ['credentials before the host', embed('youtube', 'https://youtube.com@evil.com/watch?v=dQw4w9WgXcQ')],
    ['an allowed address not in canonical form', embed('youtube', 'https://youtu.be/dQw4w9WgXcQ')],
    ['an address of another provider than the one named', embed('x', YOUTUBE)],
    ['an unknown provider', embed('vimeo', 'https://vimeo.com/1')],
    ['no address', { type: 'embed', attrs: { provider: 'youtube' } }],
    ['no attributes', { type: 'embed' }],
    ['an address that is not a string', embed('youtube', 42)],
    ['an address far too long', embed('youtube', `${YOUTUBE}&${'a'.repeat(3000)}`)],
  ])('refuses %s with CONTENT_BAD_EMBED', (_name, node) => {
    expect(refusal(doc(node))).toBe('CONTENT_BAD_EMBED');
  });

  it('refuses attributes beyond provider and url, and content inside an embed', () => {
    expect(refusal(doc(embed('youtube', YOUTUBE, { src: 'https://evil.com/x.js' })))).toBe('CONTENT_INVALID');
    expect(refusal(doc({ ...embed('youtube', YOUTUBE), content: [{ type: 'text', text: 'x' }] }))).toBe('CONTENT_INVALID');
  });
});

describe('renderDocumentToHtml: embeds', () => {
  const body = validateDocument(doc(embed('youtube', YOUTUBE)));

  it('is the canonical link where no card is asked for (feeds, the content API)', () => {
    expect(renderDocumentToHtml(body)).toBe(
      `<p data-type="embed" data-provider="youtube"><a href="${YOUTUBE}" rel="noopener noreferrer nofollow" dir="ltr" class="embed-link">${YOUTUBE.replace('&', '&amp;')}</a></p>`,
    );
  });

  it('is a card with the provider, the link and a hidden «عرض» button on reader pages', () => {
    const html = renderDocumentToHtml(body, { embedCard: labels });
    expect(html).toBe(
      '<figure data-type="embed" data-provider="youtube" class="embed-card" dir="auto">' +
        '<figcaption class="embed-provider">يوتيوب</figcaption>' +
        `<a href="${YOUTUBE}" rel="noopener noreferrer nofollow" dir="ltr" class="embed-link">${YOUTUBE}</a>` +
        '<button type="button" class="embed-show" data-embed-show="" hidden="hidden">عرض</button>' +
        '</figure>',
    );
  });

  it('never names a frame, a script or a provider resource, whatever the labels', () => {
    for (const html of [renderDocumentToHtml(body), renderDocumentToHtml(body, { embedCard: labels })]) {
      expect(html).not.toMatch(/<iframe|<script|<img|<link|src=|youtube-nocookie/);
    }
  });

  it('escapes the labels as text', () => {
    const html = renderDocumentToHtml(body, { embedCard: { ...labels, providers: { ...labels.providers, youtube: '<b>"x"</b>' } } });
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('draws no link at all for a node that skipped validation', () => {
    const forged = { type: 'doc', content: [embed('youtube', 'javascript:alert(1)')] } as Parameters<typeof renderDocumentToHtml>[0];
    const html = renderDocumentToHtml(forged, { embedCard: labels });
    expect(html).toBe('<p data-type="embed"></p>');
  });
});

describe('documentToText: embeds', () => {
  it('gives the canonical address its own line, for search and diffs', () => {
    const body = validateDocument(doc({ type: 'paragraph', content: [{ type: 'text', text: 'قبل' }] }, embed('x', X_POST)));
    expect(documentToText(body)).toBe(`قبل\n${X_POST}`);
  });
});
