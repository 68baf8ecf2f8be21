/**
 * TEST DATA — a corpus of well-known stored-XSS payloads, for the hostile-input tests only.
 * Nothing here is ever shipped or rendered outside a test.
 *
 * Every payload that manages to run script sets the global `__midadXss` on the top window and
 * opens an alert, so a browser test can tell from either sign that something ran.
 */

/** The global a successful payload sets. */
export const XSS_GLOBAL = '__midadXss';

/** What each payload tries to run: no spaces or quotes, so it fits every context below. */
const RUN = `alert(1);top.${XSS_GLOBAL}=1`;
const BASE64_PAGE = Buffer.from(`<script>${RUN}</script>`).toString('base64');
const BASE64_SVG = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${RUN}"/>`).toString('base64');
// `javascript:` written with one decimal character reference per letter, padded as old filters missed.
const PADDED_DECIMAL_SCHEME = Array.from('javascript:', (c) => `&#${String(c.charCodeAt(0)).padStart(7, '0')}`).join('');

export interface XssPayload {
  name: string;
  html: string;
}

export const XSS_PAYLOADS: readonly XssPayload[] = [
  // Script elements, in the spellings filters have missed.
  { name: 'script tag', html: `<script>${RUN}</script>` },
  { name: 'upper-case script tag', html: `<SCRIPT>${RUN}</SCRIPT>` },
  { name: 'mixed-case script tag', html: `<ScRiPt>${RUN}</sCrIpT>` },
  { name: 'script tag with spaces', html: `<script >${RUN}</script >` },
  { name: 'script tag with a newline', html: `<script\n>${RUN}</script\n>` },
  { name: 'script tag with a slash attribute', html: `<script/x>${RUN}</script>` },
  { name: 'script with a data: source', html: `<script src=data:text/javascript,${RUN}></script>` },
  { name: 'script split around a removed inner tag', html: `<scr<script>ipt>${RUN}</scr</script>ipt>` },
  { name: 'unclosed double-bracket script', html: `<<script>${RUN}//<</script>` },
  { name: 'script hidden in a comment trick', html: `<!--<img src="--><img src=x onerror=${RUN}//">` },

  // Event handlers on ordinary elements.
  { name: 'img onerror', html: `<img src=x onerror=${RUN}>` },
  { name: 'upper-case IMG ONERROR', html: `<IMG SRC=x ONERROR=${RUN}>` },
  { name: 'quoted img onerror', html: `<img src="x" onerror="${RUN}">` },
  { name: 'img with slashes for spaces', html: `<img/src=x/onerror=${RUN}>` },
  { name: 'img onerror with a newline before =', html: `<img src=x onerror\n=${RUN}>` },
  { name: 'img with a backtick-quoted source', html: `<img src=\`x\`onerror=${RUN}>` },
  { name: 'svg onload', html: `<svg onload=${RUN}>` },
  { name: 'svg/onload', html: `<svg/onload=${RUN}>` },
  { name: 'body onload', html: `<body onload=${RUN}>` },
  { name: 'input autofocus onfocus', html: `<input autofocus onfocus=${RUN}>` },
  { name: 'details ontoggle', html: `<details open ontoggle=${RUN}>` },
  { name: 'video source onerror', html: `<video><source onerror=${RUN}></video>` },
  { name: 'audio onerror', html: `<audio src=x onerror=${RUN}>` },
  { name: 'marquee onstart', html: `<marquee onstart=${RUN}>x</marquee>` },
  { name: 'paragraph onclick', html: `<p dir="rtl" onclick="${RUN}">نص</p>` },
  { name: 'allowed link with an onclick', html: `<a href="https://example.org" onclick="${RUN}">رابط</a>` },
  { name: 'full-page span onmouseover', html: `<span style="position:fixed;inset:0" onmouseover=${RUN}>x</span>` },

  // SVG and MathML.
  { name: 'script inside svg', html: `<svg><script>${RUN}</script></svg>` },
  { name: 'svg script with a data: href', html: `<svg><script href=data:,${RUN} /></svg>` },
  { name: 'svg animate onbegin', html: `<svg><animate onbegin=${RUN} attributeName=x dur=1s>` },
  { name: 'svg link to javascript:', html: `<svg><a xlink:href="javascript:${RUN}"><text x=20 y=20>انقر</text></a></svg>` },
  { name: 'svg use with a data: document', html: `<svg><use href="data:image/svg+xml;base64,${BASE64_SVG}#x"/></svg>` },
  { name: 'MathML mglyph/style mutation', html: `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>` },
  { name: 'MathML maction javascript:', html: `<math><maction actiontype="statusline" xlink:href="javascript:${RUN}">انقر</maction></math>` },
  { name: 'MathML href javascript:', html: `<math href="javascript:${RUN}">انقر</math>` },
  { name: 'noscript title mutation', html: `<noscript><p title="</noscript><img src=x onerror=${RUN}>">` },
  { name: 'xmp title mutation', html: `<xmp><p title="</xmp><img src=x onerror=${RUN}>">` },

  // Frames, objects and embeds.
  { name: 'iframe srcdoc', html: `<iframe srcdoc="<script>${RUN}</script>"></iframe>` },
  { name: 'iframe javascript:', html: `<iframe src="javascript:${RUN}"></iframe>` },
  { name: 'iframe data: page', html: `<iframe src="data:text/html,<script>${RUN}</script>"></iframe>` },
  { name: 'object javascript:', html: `<object data="javascript:${RUN}"></object>` },
  { name: 'object data: page', html: `<object data="data:text/html;base64,${BASE64_PAGE}"></object>` },
  { name: 'embed javascript:', html: `<embed src="javascript:${RUN}">` },
  { name: 'embed data: svg', html: `<embed src="data:image/svg+xml;base64,${BASE64_SVG}">` },

  // javascript: links in every spelling browsers still follow.
  { name: 'javascript: link', html: `<a href="javascript:${RUN}">رابط</a>` },
  { name: 'mixed-case JaVaScRiPt: link', html: `<a href="JaVaScRiPt:${RUN}">رابط</a>` },
  { name: 'decimal entity &#106;avascript:', html: `<a href="&#106;avascript:${RUN}">رابط</a>` },
  { name: 'hex entity &#x6A;avascript:', html: `<a href="&#x6A;avascript:${RUN}">رابط</a>` },
  { name: 'zero-padded decimal entities', html: `<a href="${PADDED_DECIMAL_SCHEME}${RUN}">رابط</a>` },
  { name: 'tab entity inside the scheme', html: `<a href="java&#x09;script:${RUN}">رابط</a>` },
  { name: 'literal tab inside the scheme', html: `<a href="java\tscript:${RUN}">رابط</a>` },
  { name: 'newline entity inside the scheme', html: `<a href="jav&#x0A;ascript:${RUN}">رابط</a>` },
  { name: 'literal newline inside the scheme', html: `<a href="java\nscript:${RUN}">رابط</a>` },
  { name: 'leading spaces and a control entity', html: `<a href=" &#14;  javascript:${RUN}">رابط</a>` },
  { name: 'leading control character', html: `<a href="\u0001javascript:${RUN}">رابط</a>` },
  { name: '&colon; entity for the colon', html: `<a href="javascript&colon;${RUN}">رابط</a>` },
  { name: 'javascript: behind a comment and newline', html: `<a href="javascript://%0a${RUN}">رابط</a>` },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">رابط</a>' },
  { name: 'data: text/html link', html: `<a href="data:text/html,<script>${RUN}</script>">رابط</a>` },
  { name: 'base64 data: text/html link', html: `<a href="data:text/html;base64,${BASE64_PAGE}">رابط</a>` },
  { name: 'protocol-relative link off the site', html: '<a href="//evil.example/steal">رابط</a>' },

  // Breaking out of an attribute, an element or a template.
  { name: 'double-quote attribute breakout', html: `"><script>${RUN}</script>` },
  { name: 'single-quote attribute breakout', html: `'><script>${RUN}</script>` },
  { name: 'double-quote onmouseover injection', html: `" onmouseover="${RUN}` },
  { name: 'single-quote onmouseover injection', html: `'onmouseover=${RUN} '` },
  { name: 'autofocus onfocus injection', html: `" autofocus onfocus="${RUN}` },
  { name: 'backtick breakout', html: `\`><img src=x onerror=${RUN}>` },
  { name: 'template expression with constructor', html: `{{constructor.constructor('${RUN}')()}}` },
  { name: 'template literal', html: `\${${RUN}}` },
  { name: 'textarea breakout', html: `</textarea><script>${RUN}</script>` },
  { name: 'title breakout', html: `</title><script>${RUN}</script>` },
  { name: 'script-block breakout', html: `</script><script>${RUN}</script>` },
  { name: 'JSON string breakout', html: `"};${RUN};//` },

  // Styles, document-level elements and forms.
  { name: 'style with a javascript: url', html: `<style>body{background:url("javascript:${RUN}")}</style>` },
  { name: 'inline style expression()', html: `<div style="width:expression(${RUN})">x</div>` },
  { name: 'style @import of javascript:', html: `<style>@import 'javascript:${RUN}';</style>` },
  { name: 'base href', html: `<base href="javascript:${RUN}//">` },
  { name: 'meta refresh to javascript:', html: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">` },
  { name: 'link import of a data: page', html: `<link rel=import href="data:text/html,<script>${RUN}</script>">` },
  { name: 'form action javascript:', html: `<form action="javascript:${RUN}"><button>إرسال</button></form>` },
  { name: 'button formaction javascript:', html: `<form><button formaction="javascript:${RUN}">إرسال</button></form>` },
  { name: 'isindex image onerror', html: `<isindex type=image src=1 onerror=${RUN}>` },
  { name: 'image srcset javascript:', html: `<img src="/media/x" srcset="javascript:${RUN} 1x">` },
];

// Character references an attribute value may use to hide a scheme from a filter that reads the
// raw text; a browser decodes them before it reads the URL.
const NAMED_REFERENCES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')' };

function decodeReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(colon|tab|newline|sol|lpar|rpar);/gi, (_m, name: string) => NAMED_REFERENCES[name.toLowerCase()]!);
}

/**
 * Link targets to try where a story takes a URL (a link's href): each target in the corpus as
 * written and as a browser decodes it, each whole payload (what a careless paste into the link
 * field gives), and schemes typed by hand.
 */
export function payloadHrefs(): string[] {
  const hrefs = new Set<string>([
    `javascript:${RUN}`,
    ` javascript:${RUN}`,
    `\tjavascript:${RUN}`,
    `JAVASCRIPT:${RUN}`,
    `java\u0000script:${RUN}`,
    `java\rscript:${RUN}`,
    `\u0000javascript:${RUN}`,
    `\u001Fjavascript:${RUN}`,
    `javascript\u00A0:${RUN}`,
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    `data:text/html,<script>${RUN}</script>`,
    `data:image/svg+xml;base64,${BASE64_SVG}`,
    'file:///etc/passwd',
    'blob:https://midad.test/00000000-0000-0000-0000-000000000000',
    '//evil.example/steal',
    '\\\\evil.example/steal',
    '/\\evil.example/steal',
    ' //evil.example/steal',
  ]);
  for (const { html } of XSS_PAYLOADS) {
    for (const match of html.matchAll(/(?:href|src|data|action|formaction)="([^"]*)"/g)) {
      hrefs.add(match[1]!);
      hrefs.add(decodeReferences(match[1]!));
    }
    hrefs.add(html);
  }
  return [...hrefs];
}
