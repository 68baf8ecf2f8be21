import type { ArticleImageInput } from '../content/image';
import { mediaVariantSrc, smallerVariantWidths } from './keys';

/** An uploaded image as the desk sees it: what the upload answers and what the picker lists. */
export interface MediaDto {
  id: number;
  /** Public URL of the canonical file, `/media/<key>`: the value an article image's `src` takes. */
  src: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** Every stored file, smallest first, for previews and srcset. */
  variants: { width: number; src: string }[];
}

export function mediaVariants(src: string, width: number): MediaDto['variants'] {
  return [...smallerVariantWidths(width).map((w) => ({ width: w, src: mediaVariantSrc(src, w) })), { width, src }];
}

/** The attributes to hand to the editor's `insertImage` for an uploaded image. */
export function articleImageFromMedia(media: MediaDto): ArticleImageInput {
  return {
    mediaId: media.id,
    src: media.src,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    width: media.width,
    height: media.height,
  };
}
