import { format, type Messages } from '@/i18n';
import type { SiteImage } from '@/db/queries/site-stories';
import { mediaPath } from '@/lib/seo/paths';

/** The story's featured image with its caption and credit. Width and height reserve its space. */
export function FeaturedImage({ image, tr }: { image: SiteImage; tr: Messages['reader'] }) {
  const hasCaption = image.caption || image.credit;
  return (
    <figure className="featured-image mt-8">
      {/* Stored media are re-encoded at upload with known sizes; served as they are. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={mediaPath(image.storageKey)}
        width={image.width}
        height={image.height}
        alt={image.alt}
        fetchPriority="high"
        className="h-auto w-full rounded-md bg-rule"
      />
      {hasCaption && (
        <figcaption className="mt-2 text-sm leading-7 text-muted">
          {image.caption && <span dir="auto">{image.caption}</span>}
          {image.caption && image.credit && ' '}
          {image.credit && <span className="whitespace-nowrap">{format(tr.photoCredit, { credit: image.credit })}</span>}
        </figcaption>
      )}
    </figure>
  );
}
