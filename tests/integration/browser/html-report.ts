/** What may appear in HTML the site renders from stored content, checked by the browser's parser. */
export interface HtmlRules {
  elements: string[];
  attributes: string[];
  /** Protocols a link may resolve to, as URL.protocol spells them (`https:`). */
  linkProtocols: string[];
  /** The only form an image source may take: the project's media (a RegExp source). */
  mediaSrc: string;
  /** The page the HTML is shown on, against which relative links resolve. */
  pageUrl: string;
}

export interface HtmlReport {
  /** Everything not allowed: elements, attributes, event handlers, URLs. Empty when inert. */
  problems: string[];
  /** The text a reader sees. */
  text: string;
}
