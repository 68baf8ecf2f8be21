import type { AppConfig } from '../config/env';
import { appConfig } from '../config/server';

/** Where the site is served when SITE_URL is not set: the address `npm run dev` and `npm start` print. */
export const DEFAULT_SITE_ORIGIN = 'http://localhost:3000';

/**
 * The public origin used in every absolute URL (canonical links, feeds, sitemaps, JSON-LD).
 *
 * It comes from configuration only, never from the request's Host or X-Forwarded-Host headers:
 * pages and feeds are cached and shared by every reader, so an origin taken from one request
 * would be served to everyone (cache poisoning). SITE_URL is checked with the rest of the
 * configuration (lib/config), which refuses anything but an http(s) origin.
 */
export function siteOrigin(config: Pick<AppConfig, 'siteUrl'> = appConfig()): string {
  return config.siteUrl ?? DEFAULT_SITE_ORIGIN;
}

/** An absolute URL on the site for a path that starts with '/'. */
export function absoluteUrl(path: string, origin: string = siteOrigin()): string {
  return new URL(path, origin).toString();
}
