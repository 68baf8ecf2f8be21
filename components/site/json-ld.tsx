import { serializeJsonLd } from '@/lib/seo/json-ld';

/** Structured data for search engines; serializeJsonLd makes the content inert as HTML. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
