import { storeDeskLanguage } from '@/db/users';
import { isLocale } from '@/i18n';
import { AppError } from '@/lib/errors';
import { done, type DeskContext, type Done } from '../effects';

/**
 * Keeps the desk language with the person's account, so it follows them to every browser they
 * sign in from. A preference, not an access change: it is not written to the activity log.
 */
export async function setDeskLanguage({ db, actor }: DeskContext, locale: unknown): Promise<Done> {
  if (!isLocale(locale)) throw new AppError('INVALID_INPUT', undefined, { field: 'locale' });
  await storeDeskLanguage(db, actor.id, locale);
  return done(undefined);
}
