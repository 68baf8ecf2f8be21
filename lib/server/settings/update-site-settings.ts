import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordActivity } from '@/db/activity';
import { getSiteSettings } from '@/db/queries/settings';
import { siteSettings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, wholeSite, type DeskContext, type Done } from '../effects';
import { cleanLine } from '@/lib/arabic/text-fields';

const KNOWN_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

const ZSettings = z.object({
  siteName: z
    .string()
    .transform(cleanLine)
    .pipe(z.string().min(1, { message: 'nameRequired' }).max(80, { message: 'nameTooLong' })),
  siteDescription: z
    .string()
    .transform(cleanLine)
    .pipe(z.string().max(300, { message: 'nameTooLong' })),
  timeZone: z.string().trim(),
  digits: z.enum(['latn', 'arab'], { message: 'INVALID_INPUT' }),
});

/** Name, description, digits and time zone show on every public page and across the desk. */
export async function updateSiteSettings({ db, actor }: DeskContext, input: unknown): Promise<Done> {
  if (!can(actor.role, 'settings.manage')) throw new AppError('FORBIDDEN');
  const data = ZSettings.parse(input);
  if (!KNOWN_ZONES.has(data.timeZone)) throw new AppError('TIME_ZONE_INVALID', undefined, { field: 'timeZone' });
  await db.transaction(async (tx) => {
    const before = await getSiteSettings(tx);
    await tx
      .insert(siteSettings)
      .values({ id: 1, ...data })
      .onConflictDoUpdate({ target: siteSettings.id, set: { ...data, updatedAt: sql`now()` } });
    const changes = (Object.keys(data) as (keyof typeof data)[])
      .filter((setting) => before[setting] !== data[setting])
      .map((setting) => ({ setting, from: before[setting], to: data[setting] }));
    if (changes.length) await recordActivity(tx, { kind: 'settings.updated', actorId: actor.id, details: { changes } });
  });
  return done(undefined, wholeSite, deskView('/desk', 'layout'));
}
