export interface JsonLdImage {
  url: string;
  width: number;
  height: number;
}

export interface NewsArticleInput {
  /** Canonical absolute URL of the article page. */
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  dateModified: Date;
  /** The printed byline, with the author's page when the byline is a person on the staff. */
  authors: { name: string; url?: string }[];
  /** Featured image first; the site card when the story has none (Google requires an image). */
  images: JsonLdImage[];
  section?: string;
  keywords?: string[];
  wordCount?: number;
  /** ISO 8601 duration, e.g. PT4M. */
  timeRequired?: string;
  language: string;
  publisher: { name: string; url: string; logo: JsonLdImage };
  /** Corrections published on the story («تصحيح»), newest first; updates are not corrections. */
  corrections?: { text: string; datePublished: Date }[];
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function imageObject(image: JsonLdImage) {
  return { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height };
}

/** schema.org NewsArticle for an article page, with the properties Google's article rich results read. */
export function buildNewsArticleJsonLd(input: NewsArticleInput): Record<string, JsonValue> {
  const data: Record<string, JsonValue> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    inLanguage: input.language,
    datePublished: input.datePublished.toISOString(),
    // A modification can never precede publication, whatever the revision timestamps say.
    dateModified: new Date(Math.max(input.dateModified.getTime(), input.datePublished.getTime())).toISOString(),
    author: input.authors.map((author): JsonValue =>
      author.url ? { '@type': 'Person', name: author.name, url: author.url } : { '@type': 'Person', name: author.name },
    ),
    image: input.images.map(imageObject),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: input.publisher.name,
      url: input.publisher.url,
      logo: imageObject(input.publisher.logo),
    },
  };
  if (input.section) data.articleSection = input.section;
  if (input.keywords && input.keywords.length > 0) data.keywords = input.keywords;
  if (input.wordCount !== undefined) data.wordCount = input.wordCount;
  if (input.timeRequired) data.timeRequired = input.timeRequired;
  if (input.corrections && input.corrections.length > 0) {
    data.correction = input.corrections.map((correction): JsonValue => ({
      '@type': 'CorrectionComment',
      text: correction.text,
      datePublished: correction.datePublished.toISOString(),
    }));
  }
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify alone is not enough:
 * a headline containing `</script>` would end the element early and let the rest of the text be
 * parsed as HTML. Escaping `<`, `>` and `&` as \u escapes keeps the JSON identical for parsers
 * and inert for the HTML tokenizer; U+2028/U+2029 are escaped for older JavaScript consumers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
