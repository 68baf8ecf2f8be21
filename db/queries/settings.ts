import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { siteSettings, type SiteSettings } from '../schema';

export type SiteSettingsView = Pick<SiteSettings, 'siteName' | 'siteDescription' | 'timeZone' | 'digits'>;

export const DEFAULT_SITE_SETTINGS: SiteSettingsView = {
  siteName: 'مِداد',
  siteDescription: '',
  timeZone: 'Asia/Jerusalem',
  digits: 'latn',
};

/** The site's settings; the defaults when the row has not been written yet. */
export async function getSiteSettings(db: Executor = getDb()): Promise<SiteSettingsView> {
  const [row] = await db
    .select({
      siteName: siteSettings.siteName,
      siteDescription: siteSettings.siteDescription,
      timeZone: siteSettings.timeZone,
      digits: siteSettings.digits,
    })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1));
  return row ?? DEFAULT_SITE_SETTINGS;
}
