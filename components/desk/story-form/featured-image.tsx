'use client';

import { buttonStyle } from '@/components/ui/styles';
import { getMessages, type Locale } from '@/i18n';

export interface FeaturedImageChoice {
  id: number;
  src: string;
  alt: string;
}

/** The story's featured image: its preview, and buttons to upload, replace or remove it. */
export function FeaturedImage({
  featured,
  editable,
  locale,
  onPick,
  onRemove,
}: {
  featured: FeaturedImageChoice | null;
  editable: boolean;
  locale: Locale;
  onPick: () => void;
  onRemove: () => void;
}) {
  const t = getMessages(locale).media;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="text-sm font-semibold">{t.featured}</span>
      {featured && (
        // eslint-disable-next-line @next/next/no-img-element -- library images are already re-encoded to web sizes
        <img src={featured.src} alt={featured.alt} className="h-16 w-auto rounded border border-rule" />
      )}
      {editable && (
        <button type="button" onClick={onPick} className={buttonStyle.small}>
          {featured ? t.replace : t.upload}
        </button>
      )}
      {editable && featured && (
        <button type="button" onClick={onRemove} className={buttonStyle.small}>
          {t.remove}
        </button>
      )}
    </div>
  );
}
