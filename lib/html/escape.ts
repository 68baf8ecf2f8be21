const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made inert in HTML: safe between tags and inside an attribute value in either kind of
 * quotes. The project's one HTML escaper, for the places that write markup as strings (search
 * highlights, the sign-in refusal page). XML has its own in lib/seo/xml.ts: feeds must also drop
 * characters XML forbids, and spell the apostrophe as XML readers expect.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
