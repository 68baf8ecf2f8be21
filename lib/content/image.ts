import { mergeAttributes, Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { isMediaSrc, mediaVariantSrc, smallerVariantWidths, storageKeyFromSrc } from '../media/keys';
import type { ContentNode } from './types';

/** Longest texts accepted for an image, shared by the upload form, the validator and the editor. */
export const IMAGE_TEXT_LIMITS = { alt: 500, caption: 1000, credit: 200 } as const;
/** Largest stored dimension; the pipeline never stores anything wider than 1 600 px. */
export const IMAGE_MAX_DIMENSION = 20_000;

/** What the editor needs to place an uploaded image in a story (the upload's DTO provides it). */
export interface ArticleImageInput {
  mediaId: number;
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number | null;
  height?: number | null;
}

export type ImageProblem = 'mediaId' | 'src' | 'alt' | 'caption' | 'credit' | 'width' | 'height';

export const isMediaId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 2_147_483_647;
export const isImageAlt = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= IMAGE_TEXT_LIMITS.alt;
export const isImageCaption = (v: unknown) => typeof v === 'string' && v.length <= IMAGE_TEXT_LIMITS.caption;
export const isImageCredit = (v: unknown) => typeof v === 'string' && v.length <= IMAGE_TEXT_LIMITS.credit;
export const isImageDimension = (v: unknown) =>
  v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= IMAGE_MAX_DIMENSION);

/** The first thing wrong with an image's attributes, or null when it may go into a story. */
export function imageAttributesProblem(input: Partial<Record<keyof ArticleImageInput, unknown>>): ImageProblem | null {
  if (!isMediaId(input.mediaId)) return 'mediaId';
  if (!isMediaSrc(input.src)) return 'src';
  if (!isImageAlt(input.alt)) return 'alt';
  if (input.caption !== undefined && !isImageCaption(input.caption)) return 'caption';
  if (input.credit !== undefined && !isImageCredit(input.credit)) return 'credit';
  if (input.width !== undefined && !isImageDimension(input.width)) return 'width';
  if (input.height !== undefined && !isImageDimension(input.height)) return 'height';
  return null;
}

function positiveInteger(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

// Story bodies sit in a column of about 38rem; below that the image spans the screen.
const IMAGE_SIZES = '(min-width: 40rem) 38rem, 100vw';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    articleImage: {
      /** Places an image from the media library at the cursor, or replaces the selected image. Refuses one without alt text. */
      insertImage: (image: ArticleImageInput) => ReturnType;
    };
  }
}

/**
 * An image from the project's own media library, as a figure with an optional caption and credit.
 * It is an atom: alt text, caption and credit are attributes set by the media picker, so the
 * validator can check each of them, and nothing but `/media/<key>` can ever be its source.
 */
export const ArticleImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    const figureImg = (el: HTMLElement) => el.querySelector('img');
    return {
      mediaId: { default: null, rendered: false, parseHTML: (el) => positiveInteger(el.getAttribute('data-media-id')) },
      src: { default: null, rendered: false, parseHTML: (el) => figureImg(el)?.getAttribute('src') ?? null },
      alt: { default: '', rendered: false, parseHTML: (el) => figureImg(el)?.getAttribute('alt') ?? '' },
      caption: { default: '', rendered: false, parseHTML: (el) => el.querySelector('[data-caption]')?.textContent ?? '' },
      credit: { default: '', rendered: false, parseHTML: (el) => el.querySelector('[data-credit]')?.textContent ?? '' },
      width: { default: null, rendered: false, parseHTML: (el) => positiveInteger(figureImg(el)?.getAttribute('width') ?? null) },
      height: { default: null, rendered: false, parseHTML: (el) => positiveInteger(figureImg(el)?.getAttribute('height') ?? null) },
    };
  },

  parseHTML() {
    // Only figures copied from Midad itself qualify; images pasted from other sites point
    // elsewhere (or carry no alt text) and are dropped rather than stored.
    return [
      {
        tag: 'figure[data-type="image"]',
        getAttrs: (el) => {
          const img = el.querySelector('img');
          const candidate = {
            mediaId: positiveInteger(el.getAttribute('data-media-id')),
            src: img?.getAttribute('src'),
            alt: img?.getAttribute('alt'),
          };
          return imageAttributesProblem(candidate) === null ? null : false;
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as Record<string, unknown>;
    // The editor may hold a node that has not been validated yet; never emit a foreign source.
    const src = isMediaSrc(attrs.src) ? attrs.src : null;
    const width = isImageDimension(attrs.width) ? (attrs.width as number | null) : null;
    const height = isImageDimension(attrs.height) ? (attrs.height as number | null) : null;
    const img: Record<string, string | number | null> = {
      src,
      alt: typeof attrs.alt === 'string' ? attrs.alt : '',
      width,
      height,
      loading: 'lazy',
      decoding: 'async',
    };
    if (src && width) {
      const smaller = smallerVariantWidths(width);
      if (smaller.length > 0) {
        img.srcset = [...smaller.map((w) => `${mediaVariantSrc(src, w)} ${w}w`), `${src} ${width}w`].join(', ');
        img.sizes = IMAGE_SIZES;
      }
    }
    const caption = typeof attrs.caption === 'string' ? attrs.caption : '';
    const credit = typeof attrs.credit === 'string' ? attrs.credit : '';
    const captionParts: DOMOutputSpec[] = [];
    if (caption) captionParts.push(['span', { 'data-caption': '' }, caption]);
    if (credit) captionParts.push(['span', { 'data-credit': '', class: 'article-figure-credit' }, credit]);
    const figure = mergeAttributes(HTMLAttributes, {
      'data-type': 'image',
      'data-media-id': isMediaId(attrs.mediaId) ? attrs.mediaId : null,
      class: 'article-figure',
    });
    return captionParts.length > 0
      ? ['figure', figure, ['img', img], ['figcaption', {}, ...captionParts]]
      : ['figure', figure, ['img', img]];
  },

  renderText({ node }) {
    return typeof node.attrs.caption === 'string' ? node.attrs.caption : '';
  },

  addCommands() {
    return {
      insertImage:
        (image) =>
        ({ state, tr, dispatch }) => {
          if (imageAttributesProblem(image) !== null) return false;
          const { selection } = state;
          const replacing = selection instanceof NodeSelection && selection.node.type.name === this.name ? selection.node : null;
          const node = this.type.create({
            mediaId: image.mediaId,
            src: image.src,
            alt: image.alt.trim(),
            caption: image.caption?.trim() ?? '',
            credit: image.credit?.trim() ?? '',
            width: image.width ?? null,
            height: image.height ?? null,
            dir: replacing?.attrs.dir ?? 'auto',
          });
          if (dispatch) {
            if (replacing) tr.replaceWith(selection.from, selection.to, node);
            else {
              // Selected text stays: the image goes after it rather than in its place.
              if (!selection.empty) tr.setSelection(TextSelection.near(tr.doc.resolve(selection.to)));
              tr.replaceSelectionWith(node);
            }
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});

/**
 * Every library image a body shows, as media id and storage key. The validator cannot see the
 * database; a save can use this to check that each image exists and that id and key belong
 * together.
 */
export function imageReferences(doc: ContentNode): { mediaId: number; key: string }[] {
  const found: { mediaId: number; key: string }[] = [];
  const visit = (node: ContentNode) => {
    if (node.type === 'image') {
      const key = storageKeyFromSrc(String(node.attrs?.src ?? ''));
      const mediaId = node.attrs?.mediaId;
      if (key && isMediaId(mediaId)) found.push({ mediaId, key });
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}
