import { connection } from 'next/server';
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/seo/paths';
import { buildSitemap, type SitemapEntry } from '@/lib/seo/sitemap';
import { absoluteUrl } from '@/lib/seo/site-url';
import { getSitemapData } from '../_lib/data';
import { xmlResponse } from '../_lib/xml-response';

/** Every public page: home, sections, published articles, and the tags and authors that have them. */
export async function GET(): Promise<Response> {
  await connection();
  const data = await getSitemapData();
  const date = (iso: string | null) => (iso ? new Date(iso) : undefined);
  const newest = data.articles[0]?.lastModified ?? null;
  const entries: SitemapEntry[] = [
    { url: absoluteUrl('/'), lastModified: date(newest) },
    ...data.sections.map((s) => ({ url: absoluteUrl(sectionPath(s.slug)), lastModified: date(s.lastModified) })),
    ...data.articles.map((a) => ({ url: absoluteUrl(articlePath(a.slug)), lastModified: date(a.lastModified) })),
    ...data.tags.map((t) => ({ url: absoluteUrl(tagPath(t.slug)), lastModified: date(t.lastModified) })),
    ...data.authors.map((a) => ({ url: absoluteUrl(authorPath(a.id)), lastModified: date(a.lastModified) })),
  ];
  return xmlResponse(buildSitemap(entries), 'application/xml');
}
