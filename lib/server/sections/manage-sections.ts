import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { sections } from '@/db/schema';
import { slugify } from '@/lib/arabic/slug';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, wholeSite, type Actor, type DeskContext, type Done } from '../effects';
import { cleanLine } from '@/lib/arabic/text-fields';

const ZSectionInput = z.object({
  name: z
    .string()
    .transform(cleanLine)
    .pipe(z.string().min(1, { message: 'nameRequired' }).max(60, { message: 'nameTooLong' })),
  slug: z.string().max(80).optional(),
});

function requireAdmin(actor: Actor) {
  if (!can(actor.role, 'sections.manage')) throw new AppError('FORBIDDEN');
}

/** The slug typed by the admin, or one made from the name; both follow the Arabic slug rules. */
async function resolveSlug(db: Executor, name: string, typed: string | undefined, exceptId?: number) {
  const slug = slugify(typed?.trim() ? typed : name);
  if (!slug) throw new AppError('SLUG_EMPTY', undefined, { field: 'slug' });
  const clash = await db
    .select({ id: sections.id })
    .from(sections)
    .where(exceptId === undefined ? eq(sections.slug, slug) : and(eq(sections.slug, slug), ne(sections.id, exceptId)));
  if (clash.length) throw new AppError('SLUG_TAKEN', undefined, { field: 'slug' });
  return slug;
}

/** Section names and order appear on every public page (navigation, listings) and across the desk. */
const sectionsChanged = () => done(undefined, wholeSite, deskView('/desk', 'layout'));

export async function createSection({ db, actor }: DeskContext, input: unknown): Promise<Done> {
  requireAdmin(actor);
  const data = ZSectionInput.parse(input);
  await db.transaction(async (tx) => {
    const slug = await resolveSlug(tx, data.name, data.slug);
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${sections.position}), -1)::int` }).from(sections);
    const [created] = await tx
      .insert(sections)
      .values({ name: data.name, slug, position: (last?.max ?? -1) + 1 })
      .returning({ id: sections.id });
    await recordActivity(tx, { kind: 'section.created', actorId: actor.id, details: { sectionId: created!.id, name: data.name, slug } });
  });
  return sectionsChanged();
}

/**
 * Renames a section. Its slug changes only when the admin types a new one, so existing section
 * URLs keep working after a rename.
 */
export async function updateSection({ db, actor }: DeskContext, { sectionId, ...input }: { sectionId: number; name: unknown; slug?: unknown }): Promise<Done> {
  requireAdmin(actor);
  const data = ZSectionInput.parse(input);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(sections).where(eq(sections.id, sectionId));
    if (!current) throw new AppError('NOT_FOUND');
    const slug = data.slug?.trim() && slugify(data.slug) !== current.slug ? await resolveSlug(tx, data.name, data.slug, sectionId) : current.slug;
    await tx.update(sections).set({ name: data.name, slug }).where(eq(sections.id, sectionId));
    if (data.name === current.name && slug === current.slug) return;
    await recordActivity(tx, {
      kind: 'section.updated',
      actorId: actor.id,
      details: { sectionId, name: data.name, slug, previousName: current.name, previousSlug: current.slug },
    });
  });
  return sectionsChanged();
}

/** Swaps a section with its neighbour; positions are renumbered so the order stays dense. */
export async function moveSection({ db, actor }: DeskContext, { sectionId, direction }: { sectionId: number; direction: 'up' | 'down' }): Promise<Done> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const ordered = await tx.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.id));
    const index = ordered.findIndex((s) => s.id === sectionId);
    if (index === -1) throw new AppError('NOT_FOUND');
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= ordered.length) return;
    [ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
    for (const [position, section] of ordered.entries()) {
      await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
    }
    const moved = ordered[target]!;
    await recordActivity(tx, { kind: 'section.moved', actorId: actor.id, details: { sectionId, name: moved.name, direction } });
  });
  return sectionsChanged();
}
