'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { ArticleEditor, type ArticleEditorHandle } from '@/components/editor/article-editor';
import { buttonStyle } from '@/components/ui/styles';
import { format, getMessages, type Locale } from '@/i18n';
import type { ContentDocument } from '@/lib/content/types';
import { deskFormatter, deskSettings, type FormatSettings } from '@/lib/format/formatter';
import type { ActionResult, ArticlePayload, PresenceReport, SavedArticle, SlugCheck } from '@/lib/desk/results';
import { isTrouble } from '@/lib/editor/save-state';
import { tagsWithTyped } from '@/lib/editor/tag-text';
import type { LocalCopy } from '@/lib/editor/local-copies';
import { articleImageFromMedia, type MediaDto } from '@/lib/media/dto';
import { localCopyKey } from './local-copy';
import { MediaPicker } from './media-picker';
import { ConflictPanel } from './story-form/conflict-panel';
import { FeaturedImage, type FeaturedImageChoice } from './story-form/featured-image';
import { LocalCopyOffer } from './story-form/local-copy-offer';
import { StoryFields, type ArticleFormFields } from './story-form/story-fields';
import { useLocalCopy } from './story-form/use-local-copy';
import { usePresence } from './story-form/use-presence';
import { useSaveProtocol } from './story-form/use-save-protocol';

export type { ArticleFormFields };

/** The fields a conflict's newer version does not carry: taking theirs leaves them as the form has them. */
const UNCOVERED_FIELDS = ['byline', 'sectionId', 'tags', 'slug'] as const;

const EMPTY_BODY: ContentDocument = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The server actions the form calls, handed in by the page (components never import app/). */
export interface ArticleFormActions {
  create: (payload: ArticlePayload) => Promise<ActionResult<{ id: number }>>;
  save: (articleId: number, expectedVersion: number, payload: ArticlePayload, autosave?: boolean) => Promise<ActionResult<SavedArticle>>;
  checkSlug: (input: string, articleId: number | null) => Promise<ActionResult<SlugCheck>>;
  heartbeat: (articleId: number, version: number) => Promise<ActionResult<PresenceReport>>;
  leave: (articleId: number) => Promise<ActionResult>;
}

/** Fields as a kept copy holds them: the tags still typed in the box count as tags. */
const copyOf = (fields: ArticleFormFields, typedTags: string): ArticleFormFields => ({ ...fields, tags: tagsWithTyped(fields.tags, typedTags) });

/** A kept copy's fields back in the form; copies from before tags were a list held them as text. */
function fieldsFromCopy(base: ArticleFormFields, kept: Record<string, unknown>): ArticleFormFields {
  const fields = { ...base, ...(kept as Partial<ArticleFormFields>) };
  const tags: unknown = kept.tags;
  return { ...fields, tags: Array.isArray(tags) ? tags.map(String) : typeof tags === 'string' ? tagsWithTyped([], tags) : base.tags };
}

/**
 * The story form: fields, the body editor and saving that never loses a word. Every change is
 * copied to this browser at once; «حفظ» sends the text with the version it was based on. A stale
 * save shows the newer version beside the writer's, which stays in the editor. A network failure
 * keeps retrying while the local copy holds the text.
 *
 * The parts: the save protocol (story-form/use-save-protocol, its rules in lib/editor/save-state),
 * the local copies (story-form/use-local-copy), presence (story-form/use-presence), and the
 * panels for the conflict, the local-copy offer, the fields and the featured image.
 */
export function ArticleForm({
  articleId,
  version: initialVersion,
  initialFields,
  initialBody,
  featuredMediaId: initialFeaturedMediaId,
  featuredImage: initialFeaturedImage,
  sections,
  locale,
  userId,
  editable,
  dateSettings,
  actions,
}: {
  articleId: number | null;
  version: number;
  initialFields: ArticleFormFields;
  initialBody: ContentDocument | null;
  featuredMediaId: number | null;
  /** Preview of the featured image, when there is one. */
  featuredImage: { src: string; alt: string } | null;
  sections: { id: number; name: string }[];
  locale: Locale;
  userId: number;
  editable: boolean;
  /** The site's time zone and digits: times shown here are the site's, as everywhere on the desk. */
  dateSettings: FormatSettings;
  actions: ArticleFormActions;
}) {
  const t = getMessages(locale);
  const f = t.articleForm;
  const dates = deskFormatter(locale, dateSettings);
  const router = useRouter();
  const editor = useRef<ArticleEditorHandle>(null);
  const storageKey = localCopyKey(userId, articleId ?? 'new');
  const statusId = useId();

  const [fields, setFields] = useState(initialFields);
  // The editor may hold on to the first onChange it was given, so the latest fields live in a ref.
  const fieldsRef = useRef(initialFields);
  const [typedTags, setTypedTags] = useState('');
  const typedTagsRef = useRef('');
  const [picker, setPicker] = useState<null | 'body' | 'featured'>(null);
  const [featured, setFeatured] = useState<FeaturedImageChoice | null>(
    initialFeaturedMediaId && initialFeaturedImage ? { id: initialFeaturedMediaId, ...initialFeaturedImage } : null,
  );
  const featuredRef = useRef(featured);
  const [slugCheck, setSlugCheck] = useState<{ slug: string; available: boolean } | null>(null);

  // ProseMirror builds attribute objects without a prototype, which server actions cannot carry:
  // a JSON round trip makes the body plain data.
  const currentBody = useCallback(
    (): ContentDocument => JSON.parse(JSON.stringify(editor.current?.getJSON() ?? initialBody ?? EMPTY_BODY)) as ContentDocument,
    [initialBody],
  );

  const versionRef = useRef(initialVersion);
  const snapshot = useCallback(
    (): LocalCopy => ({ fields: { ...copyOf(fieldsRef.current, typedTagsRef.current) }, body: currentBody(), baseVersion: versionRef.current, savedAt: new Date().toISOString() }),
    [currentBody],
  );
  const server = useMemo(() => ({ fields: initialFields as unknown as Record<string, unknown>, body: initialBody ?? EMPTY_BODY }), [initialFields, initialBody]);
  const localCopy = useLocalCopy({ storageKey, snapshot, server });

  const read = useCallback(() => {
    const current = copyOf(fieldsRef.current, typedTagsRef.current);
    return {
      fields: {
        title: current.title,
        summary: current.summary,
        byline: current.byline,
        sectionId: Number(current.sectionId),
        tags: current.tags,
        slug: current.slug.trim() || undefined,
        featuredMediaId: featuredRef.current?.id ?? null,
      },
      body: currentBody(),
      copyFields: { ...current },
    };
  }, [currentBody]);

  const { writeNow, clearWork } = localCopy;
  const saver = useSaveProtocol({
    articleId,
    editable,
    initialVersion,
    versionRef,
    read,
    create: actions.create,
    save: actions.save,
    localCopy: useMemo(() => ({ writeNow, clearWork }), [writeNow, clearWork]),
    onCreated: useCallback((id: number) => router.replace(`/desk/articles/${id}`), [router]),
    onConfirmed: useCallback(() => router.refresh(), [router]),
  });
  const { status, conflict, edited } = saver;
  const { scheduleWrite } = localCopy;

  const changed = useCallback(() => {
    edited();
    scheduleWrite();
  }, [edited, scheduleWrite]);

  const updateFields = (next: ArticleFormFields) => {
    fieldsRef.current = next;
    setFields(next);
  };

  const setField = <K extends keyof ArticleFormFields>(name: K, value: ArticleFormFields[K]) => {
    updateFields({ ...fieldsRef.current, [name]: value });
    changed();
  };

  const typeTags = (typed: string) => {
    if (typed === typedTagsRef.current) return;
    typedTagsRef.current = typed;
    setTypedTags(typed);
    changed();
  };

  const checkSlug = async (value: string) => {
    if (!value.trim()) return setSlugCheck(null);
    const checked = await actions.checkSlug(value, articleId);
    setSlugCheck(checked.ok ? checked.value : null);
  };

  const restoreOffer = () => {
    const offer = localCopy.offer;
    if (!offer) return;
    updateFields(fieldsFromCopy(initialFields, offer.fields));
    typedTagsRef.current = '';
    setTypedTags('');
    editor.current?.setContent(offer.body as ContentDocument);
    localCopy.settleOffer('restored');
    changed();
  };

  const takeTheirs = () => {
    if (!conflict) return;
    // Mine is set aside in this browser under a key of its own, which later typing and saves
    // never overwrite, and is offered back when the story is opened again.
    localCopy.setAside(snapshot());
    const next = { ...fieldsRef.current, title: conflict.title, summary: conflict.summary };
    updateFields(next);
    // Their version is what the server has: putting it in the editor is no change of mine, so no
    // copy of it is written over mine and no autosave sends it back.
    editor.current?.setContent(conflict.body as ContentDocument, { asChange: false });
    // Fields the conflict does not carry (section, tags, byline, slug, featured image) keep what
    // I set: if they differ from the story as the page had it, they are still unsaved work.
    const mineNow = copyOf(next, typedTagsRef.current);
    const keepsEdits =
      UNCOVERED_FIELDS.some((name) => JSON.stringify(mineNow[name]) !== JSON.stringify(initialFields[name])) ||
      (featuredRef.current?.id ?? null) !== (initialFeaturedMediaId ?? null);
    saver.adoptTheirs(keepsEdits);
    if (keepsEdits) changed();
    else localCopy.clearWork();
  };

  const uploaded = (media: MediaDto) => {
    if (picker === 'body') {
      editor.current?.insertImage(articleImageFromMedia(media));
    } else {
      featuredRef.current = { id: media.id, src: media.src, alt: media.alt };
      setFeatured(featuredRef.current);
      changed();
    }
    setPicker(null);
  };

  const presence = usePresence({ articleId, version: versionRef, heartbeat: actions.heartbeat, leave: actions.leave });

  const stateText =
    status.kind === 'failed'
      ? format(f.state.failed, { reason: t.errors.codes[status.code] ?? t.errors.codes.UNEXPECTED })
      : status.kind === 'unsaved'
        ? `${f.state.unsaved} · ${f.state.localOnly}`
        : f.state[status.kind];

  const fieldError = (name: string) =>
    saver.fieldErrors[name]
      ? ((t.errors.codes as Record<string, string>)[saver.fieldErrors[name]!] ?? (t.users.errors as Record<string, string>)[saver.fieldErrors[name]!] ?? t.errors.codes.INVALID_INPUT)
      : null;
  const dateTime = (at: Date) => dates.dateTime(at);

  return (
    <div className="space-y-5">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-4 border-b border-rule bg-paper/95 py-3">
        {editable && (
          <button type="button" onClick={() => void saver.save(saver.version)} disabled={status.kind === 'saving'} className={buttonStyle.primary}>
            {f.save}
          </button>
        )}
        <p id={statusId} role="status" aria-live="polite" className={`text-sm ${isTrouble(status) ? 'text-accent' : 'text-muted'}`}>
          {stateText}
        </p>
        {status.kind === 'signedOut' && (
          // A new tab: leaving this one would unload the editor, and its text with it.
          <a href="/login" target="_blank" rel="noopener" className="text-sm font-semibold underline">
            {f.signInAgain}
          </a>
        )}
      </div>
      {localCopy.offer && (
        <LocalCopyOffer
          offer={localCopy.offer}
          server={{ fields: initialFields, body: initialBody }}
          locale={locale}
          dateTime={dateTime}
          onRestore={restoreOffer}
          onDiscard={() => localCopy.settleOffer('discarded')}
        />
      )}

      {conflict && <ConflictPanel conflict={conflict} locale={locale} dateTime={dateTime} onKeepMine={() => void saver.save(conflict.version)} onTakeTheirs={takeTheirs} />}

      {!editable && <p className="rounded-md bg-rule p-3 text-sm">{f.readOnly}</p>}
      {presence.others.length > 0 && (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {format(f.othersEditing, { names: presence.others.join('، ') })}
        </p>
      )}
      {presence.newer && status.kind !== 'saved' && (
        <p role="alert" className="rounded-md border border-accent bg-white p-2 text-sm text-accent">
          {f.newerOnServer}
        </p>
      )}

      <StoryFields
        fields={fields}
        setField={setField}
        typedTags={typedTags}
        onTypedTagsChange={typeTags}
        sections={sections}
        editable={editable}
        locale={locale}
        fieldError={fieldError}
        slugCheck={slugCheck}
        onSlugLeave={(value) => void checkSlug(value)}
      />

      <FeaturedImage
        featured={featured}
        editable={editable}
        locale={locale}
        onPick={() => setPicker('featured')}
        onRemove={() => {
          featuredRef.current = null;
          setFeatured(null);
          changed();
        }}
      />
      {picker && <MediaPicker locale={locale} onUploaded={uploaded} onClose={() => setPicker(null)} />}

      <div>
        <ArticleEditor
          onRequestImage={editable ? () => setPicker('body') : undefined}
          ref={editor}
          initialContent={initialBody}
          editable={editable}
          locale={locale}
          digits={deskSettings(locale, dateSettings).digits}
          describedBy={statusId}
          onChange={changed}
        />
        {fieldError('body') && <p className="text-sm text-accent">{fieldError('body')}</p>}
      </div>
    </div>
  );
}
