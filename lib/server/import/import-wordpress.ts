import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { getSiteSettings } from '@/db/queries/settings';
import { articles, importedItems, legacyRedirects, media, sections, tags, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { slugify } from '@/lib/arabic/slug';
import { cleanLine } from '@/lib/arabic/text-fields';
import { STORY_FIELD_LIMITS } from '@/lib/desk/field-limits';
import { AppError, isAppError } from '@/lib/errors';
import { instantOfWallTime } from '@/lib/format/formatter';
import { imageSources, wordpressBodyToDocument, type ImportedImage } from '@/lib/import/wordpress-body';
import { decodeWordPressSlug, midadSlugFor, postPathKeys, termPathKeys } from '@/lib/import/wordpress-urls';
import type { WxrEntry, WxrItem, WxrTerm } from '@/lib/import/wxr';
import { mediaSrc } from '@/lib/media/keys';
import type { MediaStorage } from '@/lib/media/storage';
import { can } from '@/lib/permissions';
import type { ArticleStatus } from '@/lib/workflow/states';
import type { Actor } from '../effects';
import { setArticleTags, withClaimedSlug, writeFirstRevision } from '../articles/article-store';
import { createSection } from '../sections/manage-sections';
import { uploadMedia } from '../media/upload-media';

/**
 * Brings a WordPress site's archive into Midad. The export is read twice, as a stream each time:
 * first for its authors, categories, tags and attachments (small records kept in memory), then for
 * its posts, each imported in its own transaction with its revision, tags, redirects, activity
 * entry and its place in the source map — a post is imported whole or not at all, and a post
 * already in the map is left as it is, so running the import again changes nothing and picks up
 * only what is new. Images come from a local copy of `wp-content/uploads` through the media
 * pipeline (checked and re-encoded like any upload). With `dryRun` nothing is written: every post
 * is still read, converted and checked, and the report says what would happen.
 */

/** What a WordPress status becomes in Midad. Statuses not listed here are not imported (trash, auto-draft, inherit). */
export const STATUS_MAP: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'in_review',
  // Visible only to a site's own editors in WordPress: a draft, which readers never see.
  private: 'draft',
};

export interface ImportOptions {
  /** Opens the export again from its start: the import reads it twice. */
  open: () => AsyncIterable<WxrEntry>;
  /** A local copy of the site's `wp-content/uploads`; without it no image can be imported. */
  uploadsDir: string | null;
  dryRun: boolean;
  /** Category (its WordPress slug, decoded, or its name) → Midad section slug. */
  sectionMap?: Record<string, string>;
  /** Create an inactive staff account for each WordPress author (they sign in once an admin activates them). */
  createAccounts?: boolean;
  storage?: MediaStorage;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  /** Posts read so far in the second pass, and how many the first pass counted. */
  done: number;
  total: number;
}

export interface ItemProblem {
  position: number;
  postId: number | null;
  title: string;
  reason: string;
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  posts: { imported: number; alreadyImported: number; failed: number; byStatus: Record<string, number> };
  skippedTypes: Record<string, number>;
  sections: { created: string[]; mapped: Record<string, string> };
  tags: number;
  images: { imported: number; reused: number; missing: string[]; refused: { file: string; reason: string }[] };
  redirects: number;
  accountsCreated: string[];
  /** Per post: what its body lost or changed to fit the schema. */
  converted: { postId: number; title: string; notes: string[] }[];
  failures: ItemProblem[];
  /** The export could not be read to its end; posts before the fault were imported. */
  broken: string | null;
}

interface Attachment {
  url: string;
  file: string;
  alt: string;
  caption: string;
}

interface Catalogue {
  source: string;
  authors: Map<string, { displayName: string; email: string }>;
  categories: WxrTerm[];
  tags: WxrTerm[];
  attachments: Map<number, Attachment>;
  attachmentsByFile: Map<string, Attachment>;
  posts: number;
  /** Categories at least one post is filed under: only these may create a section. */
  usedCategories: Set<string>;
  broken: string | null;
}

const UPLOADS_PATH = /\/wp-content\/uploads\/(.+)$/;

export async function importWordPress(db: Executor, actor: Actor, options: ImportOptions): Promise<ImportReport> {
  for (const capability of ['article.create', 'media.upload', 'sections.manage'] as const) {
    if (!can(actor.role, capability)) throw new AppError('FORBIDDEN', capability);
  }
  const catalogue = await readCatalogue(options.open());
  const report: ImportReport = {
    source: catalogue.source,
    dryRun: options.dryRun,
    posts: { imported: 0, alreadyImported: 0, failed: 0, byStatus: {} },
    skippedTypes: {},
    sections: { created: [], mapped: {} },
    tags: 0,
    images: { imported: 0, reused: 0, missing: [], refused: [] },
    redirects: 0,
    accountsCreated: [],
    converted: [],
    failures: [],
    broken: catalogue.broken,
  };
  const { timeZone } = await getSiteSettings(db);
  const sectionOf = await importCategories(db, actor, catalogue, options, report);
  await importTags(db, catalogue, options, report);
  const accounts = options.createAccounts ? await importAuthors(db, actor, catalogue, options, report) : new Map<string, number>();
  const images = new ImageImporter(db, actor, catalogue, options, report);

  let done = 0;
  for await (const entry of options.open()) {
    if (entry.kind === 'broken') {
      report.broken ??= entry.message;
      continue;
    }
    if (entry.kind !== 'item' || entry.postType === 'attachment') continue;
    if (entry.postType !== 'post') {
      report.skippedTypes[entry.postType || '(none)'] = (report.skippedTypes[entry.postType || '(none)'] ?? 0) + 1;
      continue;
    }
    try {
      await importPost(db, actor, entry, { catalogue, options, report, timeZone, sectionOf, images, accounts });
    } catch (error) {
      report.posts.failed++;
      report.failures.push({ position: entry.position, postId: entry.postId, title: plainText(entry.title), reason: describe(error) });
    }
    options.onProgress?.({ done: ++done, total: catalogue.posts });
  }
  return report;
}

async function readCatalogue(entries: AsyncIterable<WxrEntry>): Promise<Catalogue> {
  const catalogue: Catalogue = {
    source: '',
    authors: new Map(),
    categories: [],
    tags: [],
    attachments: new Map(),
    attachmentsByFile: new Map(),
    posts: 0,
    usedCategories: new Set(),
    broken: null,
  };
  for await (const entry of entries) {
    switch (entry.kind) {
      case 'channel':
        catalogue.source = `wordpress:${entry.baseSiteUrl || entry.baseBlogUrl}`;
        break;
      case 'author':
        if (entry.login) catalogue.authors.set(entry.login, { displayName: entry.displayName || entry.login, email: entry.email });
        break;
      case 'category':
        catalogue.categories.push(entry);
        break;
      case 'tag':
        catalogue.tags.push(entry);
        break;
      case 'item':
        if (entry.postType === 'post') {
          catalogue.posts++;
          for (const term of entry.terms) if (term.domain === 'category') catalogue.usedCategories.add(term.slug);
        }
        if (entry.postType === 'attachment' && entry.postId) {
          const file = uploadsFile(entry.attachmentUrl) ?? entry.meta._wp_attached_file ?? '';
          const attachment = { url: entry.attachmentUrl, file, alt: cleanLine(entry.meta._wp_attachment_image_alt ?? ''), caption: cleanLine(plainText(entry.excerpt)) };
          catalogue.attachments.set(entry.postId, attachment);
          if (file) catalogue.attachmentsByFile.set(file, attachment);
        }
        break;
      case 'broken':
        catalogue.broken = entry.message;
        break;
    }
  }
  if (!catalogue.source && catalogue.broken) throw new AppError('INVALID_INPUT', catalogue.broken);
  return catalogue;
}

/** The path of an uploaded file under `wp-content/uploads`, from any of its addresses. */
function uploadsFile(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url, 'https://wordpress.invalid').pathname;
  } catch {
    return null;
  }
  const match = UPLOADS_PATH.exec(decodeWordPressSlug(pathname));
  if (!match) return null;
  const relative = path.posix.normalize(match[1]!);
  return relative.startsWith('..') || path.posix.isAbsolute(relative) ? null : relative;
}

// ── Sections, tags, authors ─────────────────────────────────────────────────────────────────────

async function mapped(db: Executor, source: string, kind: 'post' | 'attachment' | 'category' | 'tag' | 'author', sourceId: string): Promise<number | null> {
  const [row] = await db
    .select({ targetId: importedItems.targetId })
    .from(importedItems)
    .where(and(eq(importedItems.source, source), eq(importedItems.kind, kind), eq(importedItems.sourceId, sourceId)));
  return row?.targetId ?? null;
}

async function remember(db: Executor, source: string, kind: 'post' | 'attachment' | 'category' | 'tag' | 'author', sourceId: string, targetId: number) {
  await db.insert(importedItems).values({ source, kind, sourceId, targetId }).onConflictDoNothing();
}

async function addRedirects(db: Executor, keys: string[], target: { articleId?: number; sectionId?: number; tagId?: number }): Promise<number> {
  if (!keys.length) return 0;
  const added = await db
    .insert(legacyRedirects)
    .values(keys.map((key) => ({ path: key, ...target })))
    .onConflictDoNothing()
    .returning({ path: legacyRedirects.path });
  return added.length;
}

/** Each category becomes a section: the one the map names, else the section of the same slug, else a new one. */
async function importCategories(db: Executor, actor: Actor, catalogue: Catalogue, options: ImportOptions, report: ImportReport): Promise<Map<string, number>> {
  const sectionOf = new Map<string, number>();
  const bySlug = new Map(catalogue.categories.map((category) => [category.slug, category]));
  for (const category of catalogue.categories) {
    const name = cleanLine(category.name) || decodeWordPressSlug(category.slug);
    const wanted = options.sectionMap?.[decodeWordPressSlug(category.slug)] ?? options.sectionMap?.[name];
    const slug = slugify(wanted ?? name);
    if (!slug) continue;
    const known = await mapped(db, catalogue.source, 'category', category.slug);
    // The map, when given, decides for the posts of this run; otherwise a category keeps the section
    // it was first imported into.
    let sectionId = wanted !== undefined ? await sectionIdBySlug(db, slug) : (known ?? (await sectionIdBySlug(db, slug)));
    if (sectionId === null) {
      if (wanted !== undefined) throw new AppError('INVALID_INPUT', `the section map names «${wanted}», which is not a section`);
      // An empty category (WordPress's «Uncategorized» often is) does not become a public section.
      if (!catalogue.usedCategories.has(category.slug)) continue;
      report.sections.created.push(name);
      if (options.dryRun) continue;
      await createSection({ db, actor }, { name: name.slice(0, 60), slug });
      sectionId = await sectionIdBySlug(db, slug);
    }
    if (sectionId === null) continue;
    report.sections.mapped[name] = slug;
    sectionOf.set(category.slug, sectionId);
    if (known !== null) continue;
    const keys = termPathKeys({ kind: 'category', id: category.id, slugPath: categoryPath(category, bySlug) });
    if (options.dryRun) {
      report.redirects += keys.length;
      continue;
    }
    await db.transaction(async (tx) => {
      await remember(tx, catalogue.source, 'category', category.slug, sectionId);
      report.redirects += await addRedirects(tx, keys, { sectionId });
    });
  }
  return sectionOf;
}

function categoryPath(category: WxrTerm, bySlug: Map<string, WxrTerm>): string[] {
  const slugs = [category.slug];
  for (let parent = bySlug.get(category.parent); parent && slugs.length < 10; parent = bySlug.get(parent.parent)) slugs.unshift(parent.slug);
  return slugs;
}

async function sectionIdBySlug(db: Executor, slug: string): Promise<number | null> {
  const [row] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  return row?.id ?? null;
}

async function importTags(db: Executor, catalogue: Catalogue, options: ImportOptions, report: ImportReport): Promise<void> {
  for (const tag of catalogue.tags) {
    const name = cleanLine(tag.name) || decodeWordPressSlug(tag.slug);
    const slug = slugify(name);
    if (!slug || (await mapped(db, catalogue.source, 'tag', tag.slug)) !== null) continue;
    report.tags++;
    if (options.dryRun) {
      report.redirects += termPathKeys({ kind: 'tag', id: tag.id, slugPath: [tag.slug] }).length;
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.insert(tags).values({ slug, name }).onConflictDoNothing({ target: tags.slug });
      const [row] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
      await remember(tx, catalogue.source, 'tag', tag.slug, row!.id);
      report.redirects += await addRedirects(tx, termPathKeys({ kind: 'tag', id: tag.id, slugPath: [tag.slug] }), { tagId: row!.id });
    });
  }
}

/** Inactive staff accounts for the authors, on request: an admin activates (and sets a password for) each one. */
async function importAuthors(db: Executor, actor: Actor, catalogue: Catalogue, options: ImportOptions, report: ImportReport): Promise<Map<string, number>> {
  const accounts = new Map<string, number>();
  for (const [login, author] of catalogue.authors) {
    const known = await mapped(db, catalogue.source, 'author', login);
    if (known !== null) {
      accounts.set(login, known);
      continue;
    }
    const email = author.email.trim().toLowerCase();
    if (!email) continue;
    const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!existing) report.accountsCreated.push(`${author.displayName} <${email}>`);
    if (options.dryRun) continue;
    const id = await db.transaction(async (tx) => {
      let userId = existing?.id;
      if (!userId) {
        // A password nobody knows: the account cannot sign in until an admin sets one and activates it.
        const passwordHash = await hashPassword(crypto.randomUUID() + crypto.randomUUID());
        const [created] = await tx
          .insert(users)
          .values({ email, name: cleanLine(author.displayName).slice(0, 100) || login, role: 'editor', passwordHash, active: false })
          .returning({ id: users.id });
        userId = created!.id;
        await recordActivity(tx, { kind: 'person.created', actorId: actor.id, subjectUserId: userId, details: { email, role: 'editor' } });
      }
      await remember(tx, catalogue.source, 'author', login, userId);
      return userId;
    });
    accounts.set(login, id);
  }
  return accounts;
}

// ── Images ──────────────────────────────────────────────────────────────────────────────────────

class ImageImporter {
  private readonly done = new Map<string, ImportedImage | null>();

  constructor(
    private readonly db: Executor,
    private readonly actor: Actor,
    private readonly catalogue: Catalogue,
    private readonly options: ImportOptions,
    private readonly report: ImportReport,
  ) {}

  /** The imported image for an address in a body or a featured image, importing it the first time. */
  async image(url: string, fallbackAlt: string): Promise<ImportedImage | null> {
    const file = uploadsFile(url);
    if (!file) {
      this.missing(url);
      return null;
    }
    if (this.done.has(file)) return this.done.get(file)!;
    const result = await this.importFile(file, fallbackAlt).catch((error: unknown) => {
      this.report.images.refused.push({ file, reason: describe(error) });
      return null;
    });
    this.done.set(file, result);
    return result;
  }

  private missing(what: string) {
    if (!this.report.images.missing.includes(what)) this.report.images.missing.push(what);
  }

  private async importFile(file: string, fallbackAlt: string): Promise<ImportedImage | null> {
    const original = file.replace(/-\d+x\d+(\.\w+)$/, '$1');
    const attachment = this.catalogue.attachmentsByFile.get(original) ?? this.catalogue.attachmentsByFile.get(file);
    const known = await mapped(this.db, this.catalogue.source, 'attachment', original);
    if (known !== null) {
      this.report.images.reused++;
      const [row] = await this.db.select().from(media).where(eq(media.id, known));
      if (row) return { mediaId: row.id, src: mediaSrc(row.storageKey), alt: row.alt, width: row.width, height: row.height };
    }
    if (!this.options.uploadsDir) {
      this.missing(file);
      return null;
    }
    const bytes = await readUpload(this.options.uploadsDir, original).then((data) => data ?? readUpload(this.options.uploadsDir!, file));
    if (!bytes) {
      this.missing(file);
      return null;
    }
    const alt = attachment?.alt || attachment?.caption || fallbackAlt;
    if (this.options.dryRun) {
      this.report.images.imported++;
      return { mediaId: 1, src: mediaSrc('0'.repeat(32)), alt, width: null, height: null };
    }
    const uploaded = await uploadMedia({ db: this.db, actor: this.actor }, { data: bytes, alt: alt.slice(0, 500), caption: (attachment?.caption ?? '').slice(0, 1000) }, this.options.storage);
    const stored = uploaded.value;
    await remember(this.db, this.catalogue.source, 'attachment', original, stored.id);
    this.report.images.imported++;
    return { mediaId: stored.id, src: stored.src, alt: stored.alt, width: stored.width, height: stored.height };
  }
}

/** A file under the uploads folder, never outside it; null when it is not there. */
async function readUpload(root: string, relative: string): Promise<Uint8Array | null> {
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (!full.startsWith(base + path.sep)) return null;
  try {
    return new Uint8Array(await fs.readFile(full));
  } catch {
    return null;
  }
}

// ── Posts ───────────────────────────────────────────────────────────────────────────────────────

interface PostContext {
  catalogue: Catalogue;
  options: ImportOptions;
  report: ImportReport;
  timeZone: string;
  sectionOf: Map<string, number>;
  images: ImageImporter;
  accounts: Map<string, number>;
}

async function importPost(db: Executor, actor: Actor, item: WxrItem, context: PostContext): Promise<void> {
  const { catalogue, options, report } = context;
  if (item.postId === null) throw new AppError('INVALID_INPUT', 'the item has no wp:post_id');
  const status = STATUS_MAP[item.status];
  if (!status) {
    report.skippedTypes[`post (${item.status || 'no status'})`] = (report.skippedTypes[`post (${item.status || 'no status'})`] ?? 0) + 1;
    return;
  }
  if ((await mapped(db, catalogue.source, 'post', String(item.postId))) !== null) {
    report.posts.alreadyImported++;
    return;
  }
  const title = cleanLine(plainText(item.title));
  if (!title) throw new AppError('TITLE_REQUIRED', 'the post has no title');
  const date = postInstant(item, context.timeZone);
  if (!date && status !== 'draft' && status !== 'in_review') throw new AppError('INVALID_INPUT', `the post has no usable date (${item.postDate || 'none'})`);

  // Images first (each its own upload), then the body that points at them.
  const resolved = new Map<string, ImportedImage | null>();
  for (const src of imageSources(item.content)) resolved.set(src, await context.images.image(src, title));
  const { document, notes } = wordpressBodyToDocument(item.content, (src) => resolved.get(src) ?? null);
  if (notes.length) report.converted.push({ postId: item.postId, title, notes });
  const thumbnail = catalogue.attachments.get(Number(item.meta._thumbnail_id));
  const featured = thumbnail ? await context.images.image(thumbnail.url, title) : null;

  const sectionId = item.terms.filter((term) => term.domain === 'category').map((term) => context.sectionOf.get(term.slug)).find((id) => id !== undefined) ?? (await firstSectionId(db));
  const tagNames = item.terms
    .filter((term) => term.domain === 'post_tag')
    .map((term) => cleanLine(term.name).slice(0, STORY_FIELD_LIMITS.tag))
    .filter(Boolean)
    .slice(0, STORY_FIELD_LIMITS.tags);
  const author = catalogue.authors.get(item.creator);
  const writer = context.accounts.get(item.creator) ?? actor.id;
  report.posts.byStatus[item.status] = (report.posts.byStatus[item.status] ?? 0) + 1;
  if (options.dryRun) {
    report.posts.imported++;
    report.redirects += postPathKeys({ ...item, postId: item.postId }).length;
    return;
  }

  await db.transaction(async (tx) => {
    const article = await withClaimedSlug(tx, midadSlugFor(item.postName, title), async (writerTx, slug) => {
      const [row] = await writerTx
        .insert(articles)
        .values({
          slug,
          sectionId,
          status,
          createdBy: writer,
          publishedAt: status === 'published' ? date : null,
          scheduledFor: status === 'scheduled' ? date : null,
          createdAt: date ?? undefined,
          updatedAt: date ?? undefined,
        })
        .returning({ id: articles.id });
      return row!;
    });
    const revisionId = await writeFirstRevision(
      tx,
      article.id,
      {
        title: title.slice(0, STORY_FIELD_LIMITS.title),
        summary: cleanLine(plainText(item.excerpt)).slice(0, STORY_FIELD_LIMITS.summary),
        byline: author?.displayName.slice(0, STORY_FIELD_LIMITS.byline) ?? '',
        featuredMediaId: featured?.mediaId ?? null,
        body: document,
        authorId: writer,
        createdAt: date ?? undefined,
      },
      { published: status === 'published' || status === 'scheduled' },
    );
    await setArticleTags(tx, article.id, tagNames);
    await recordActivity(tx, {
      kind: 'story.imported',
      actorId: actor.id,
      articleId: article.id,
      revisionId,
      details: { to: status, source: catalogue.source, sourceId: String(item.postId) },
    });
    await remember(tx, catalogue.source, 'post', String(item.postId), article.id);
    report.redirects += await addRedirects(tx, postPathKeys({ ...item, postId: item.postId! }), { articleId: article.id });
  });
  report.posts.imported++;
}

/** When the post was published (or is due): its UTC date, else its wall date read in the site's zone. */
function postInstant(item: WxrItem, timeZone: string): Date | null {
  const gmt = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(item.postDateGmt);
  if (gmt && !gmt[1]!.startsWith('0000')) {
    const instant = new Date(`${gmt[1]}T${gmt[2]}:${gmt[3]}:00Z`);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  const wall = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(item.postDate);
  return wall && !wall[1]!.startsWith('0000') ? instantOfWallTime(`${wall[1]}T${wall[2]}:${wall[3]}`, timeZone) : null;
}

async function firstSectionId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: sections.id }).from(sections).orderBy(asc(sections.position), asc(sections.id)).limit(1);
  if (!row) throw new AppError('SECTION_REQUIRED', 'the site has no section to put the post in');
  return row.id;
}

/** Text of a title or an excerpt, which WordPress may store with inline markup. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function describe(error: unknown): string {
  if (isAppError(error)) return error.message === error.code ? error.code : `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
