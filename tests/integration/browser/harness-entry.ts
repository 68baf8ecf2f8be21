/**
 * Runs inside a test browser (bundled by ./harness.ts). Gives the tests the editor's paste path
 * and the browser's own HTML parser, the judges of what a pasted blob becomes and of what a
 * rendered page contains.
 */
import { Editor } from '@tiptap/core';
import { contentExtensions } from '@/lib/content/extensions';
import { cleanPastedHtml, cleanPastedText } from '@/lib/content/paste';
import type { HtmlReport, HtmlRules } from './html-report';

declare global {
  interface Window {
    midadPaste: (html: string) => unknown;
    midadInspect: (fragments: string[], rules: HtmlRules) => HtmlReport[];
  }
}

/**
 * Pastes HTML into an editor configured as the desk's (the shared extensions and the same paste
 * transforms), through a real paste event, and returns the document it holds afterwards.
 */
window.midadPaste = (html) => {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: contentExtensions,
    editorProps: { transformPastedHTML: cleanPastedHtml, transformPastedText: cleanPastedText },
  });
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', html);
  editor.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  const json = editor.getJSON();
  editor.destroy();
  element.remove();
  return json;
};

/**
 * Parses each fragment as the body of an inert document (nothing loads or runs) and reports every
 * element, attribute and URL the rules do not allow, with the text a reader would see.
 */
window.midadInspect = (fragments, rules) => {
  const allowedElements = new Set(rules.elements);
  const allowedAttributes = new Set(rules.attributes);
  const mediaSrc = new RegExp(rules.mediaSrc);
  const xhtml = 'http://www.w3.org/1999/xhtml';
  return fragments.map((fragment) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${fragment}</body></html>`, 'text/html');
    const problems: string[] = [];
    const root = doc.documentElement;
    // A fragment can add attributes to <html> or <body> (`<body onload>` does) or put things in <head>.
    for (const shell of [root, doc.head, doc.body]) {
      for (const attribute of Array.from(shell.attributes)) problems.push(`attribute ${attribute.name} on <${shell.localName}>`);
    }
    if (doc.head.childNodes.length > 0) problems.push(`content in <head>: ${doc.head.innerHTML}`);
    for (const element of Array.from(doc.body.querySelectorAll('*'))) {
      const tag = element.localName;
      if (element.namespaceURI !== xhtml) problems.push(`<${tag}> in namespace ${element.namespaceURI}`);
      if (!allowedElements.has(tag)) problems.push(`element <${tag}>`);
      for (const { name, value } of Array.from(element.attributes)) {
        if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag}>`);
        else if (!allowedAttributes.has(name)) problems.push(`attribute ${name} on <${tag}>`);
        if (name === 'href') {
          const url = new URL(value, rules.pageUrl);
          const sameSite = url.origin === new URL(rules.pageUrl).origin;
          if (!rules.linkProtocols.includes(url.protocol)) problems.push(`link to ${url.protocol} (${value})`);
          // A relative link must stay relative: "//host" would leave the site while looking local.
          if (!/^[a-z][a-z0-9+.-]*:/i.test(value.trim()) && !sameSite) problems.push(`relative link leaving the site (${value})`);
        }
        if (name === 'src' && !mediaSrc.test(value)) problems.push(`source ${value}`);
        if (name === 'srcset') {
          for (const candidate of value.split(',')) {
            const src = candidate.trim().split(/\s+/)[0] ?? '';
            if (!mediaSrc.test(src)) problems.push(`srcset source ${src}`);
          }
        }
      }
    }
    return { problems, text: doc.body.textContent ?? '' };
  });
};
