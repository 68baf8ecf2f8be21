import { SITE_CARD_SIZE } from '@/lib/seo/paths';
import { cardSvg, pngResponse } from '../../_lib/brand';

// Drawn once at build time: it depends on nothing but this code.
export const dynamic = 'force-static';

export function GET(): Promise<Response> {
  return pngResponse(cardSvg(SITE_CARD_SIZE.width, SITE_CARD_SIZE.height));
}
