'use client';

import { useLayoutEffect } from 'react';

/**
 * Gives the whole document the language and direction of the part of the product on screen. The
 * site has one root layout in the site language; the desk and the sign-in page may speak
 * another, and screen readers and browsers take a page's language from <html>. The inline script
 * sets it while the page is still being parsed, before the first paint; the effect keeps it right
 * across client navigations and hands the previous values back when the part unmounts.
 */
export function DocumentLanguage({ lang, dir, nonce }: { lang: string; dir: 'rtl' | 'ltr'; nonce: string | undefined }) {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const previous = { lang: root.lang, dir: root.dir };
    root.lang = lang;
    root.dir = dir;
    return () => {
      root.lang = previous.lang;
      root.dir = previous.dir;
    };
  }, [lang, dir]);
  const script = `document.documentElement.lang=${JSON.stringify(lang)};document.documentElement.dir=${JSON.stringify(dir)};`;
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}
