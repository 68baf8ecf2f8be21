/**
 * The language of an API error message, from the request's Accept-Language: the supported
 * language the client weighs highest, Arabic when it names neither (or sends nothing).
 */
export function messageLocale(header: string | null): 'ar' | 'en' {
  if (!header) return 'ar';
  let best: { locale: 'ar' | 'en'; q: number } | null = null;
  for (const part of header.split(',').slice(0, 32)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const locale = tag === 'ar' || tag.startsWith('ar-') ? 'ar' : tag === 'en' || tag.startsWith('en-') ? 'en' : null;
    if (!locale) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? 'ar';
}
