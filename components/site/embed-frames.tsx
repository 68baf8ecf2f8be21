'use client';

import { useEffect } from 'react';
import { EMBED_SANDBOX, isEmbedProvider, parseEmbedUrl, type EmbedProvider } from '@/lib/content/embeds';

/**
 * Turns the embed cards of the story on the page into frames, one at a time and only when the
 * reader presses «عرض»: until then the page asks nothing of any provider (docs/decisions/0035).
 * Rendered only for a body that holds an embed. The frame's address is worked out again from the
 * card's link through the allow-list, so a card can only ever open its provider's frame.
 */
export function EmbedFrames({ titles }: { titles: Record<EmbedProvider, string> }) {
  useEffect(() => {
    const undo: (() => void)[] = [];
    for (const card of document.querySelectorAll<HTMLElement>('figure[data-type="embed"]')) {
      const button = card.querySelector<HTMLButtonElement>('button[data-embed-show]');
      const embed = parseEmbedUrl(card.querySelector('a')?.getAttribute('href') ?? '');
      const provider = card.dataset.provider;
      if (!button || !embed.ok || !isEmbedProvider(provider) || embed.provider !== provider) continue;
      const show = () => {
        const frame = document.createElement('iframe');
        frame.src = embed.frameUrl;
        frame.title = titles[provider];
        frame.setAttribute('sandbox', EMBED_SANDBOX[provider]);
        frame.referrerPolicy = 'strict-origin';
        frame.loading = 'lazy';
        frame.allowFullscreen = true;
        frame.className = 'embed-frame';
        button.replaceWith(frame);
        card.dataset.open = '';
        frame.focus();
      };
      button.addEventListener('click', show, { once: true });
      button.hidden = false;
      undo.push(() => {
        button.removeEventListener('click', show);
        button.hidden = true;
      });
    }
    return () => undo.forEach((step) => step());
  }, [titles]);
  return null;
}
