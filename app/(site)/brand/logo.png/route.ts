import { SITE_LOGO_SIZE } from '@/lib/seo/paths';
import { logoSvg, pngResponse } from '../../_lib/brand';

// Drawn once at build time: it depends on nothing but this code.
export const dynamic = 'force-static';

export function GET(): Promise<Response> {
  return pngResponse(logoSvg(SITE_LOGO_SIZE.width));
}
