'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { WordDiff } from '@/components/diff/word-diff';
import { Field } from '@/components/ui/field';
import { ArticleEditor, type ArticleEditorHandle } from '@/components/editor/article-editor';
import { format, getMessages, type Locale } from '@/i18n';
import { documentToText } from '@/lib/content/text';
import type { ContentDocument } from '@/lib/content/types';
import { deskFormatter, deskSettings, type FormatSettings } from '@/lib/format/formatter';
import { MAX_DOCUMENT_BYTES } from '@/lib/content/validate';
import type { ActionResult, ArticlePayload, ConflictVersion, PresenceReport, SavedArticle, SlugCheck } from '@/lib/desk/results';
import { articleImageFromMedia, type MediaDto } from '@/lib/media/dto';
import { clearLocalCopy, localCopyKey, readLocalCopy, writeLocalCopy, type LocalCopy } from './local-copy';
import { MediaPicker } from './media-picker';

export interface ArticleFormFields {
  title: string;
  summary: string;
  byline: string;
  sectionId: number | '';
  tags: string;
  slug: string;
}

type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'unsaved' }
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  /** The session ended (signed out elsewhere, expired): the text waits here and in the local copy. */
  | { kind: 'signedOut' }
  | { kind: 'failed'; reason: string };

const LOCAL_COPY_DELAY_MS = 400;

/** Where the writer's own text waits after they took someone else's version in a conflict. */
const keptKey = (storageKey: string) => `${storageKey}:kept`;
const EMPTY_BODY: ContentDocument = { type: 'doc', content: [{ type: 'paragraph' }] };
const RETRY_DELAY_MS = 5000;
/** The largest save request sent: the body's own limit plus room for the fields, under Next's 1 MiB. */
const MAX_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 40_000;
const HEARTBEAT_MS = 20_000;
/** Autosave after this much quiet; autosaves are kept apart from explicit saves in the history. */
const AUTOSAVE_DELAY_MS = 8000;

const splitTags = (value: string) =>
  value
    .split(/[,،]/)
    .map((t) => t.trim())
    .filter(Boolean);

function payloadOf(fields: ArticleFormFields, body: ContentDocument, featuredMediaId: number | null): ArticlePayload {
  return {
    fields: {
      title: fields.title,
      summary: fields.summary,
      byline: fields.byline,
      sectionId: Number(fields.sectionId),
      tags: splitTags(fields.tags),
      slug: fields.slug.trim() || undefined,
      featuredMediaId,
    },
    body,
  };
}

const textOf = (fields: { title?: unknown; summary?: unknown }, body: unknown) =>
  `${String(fields.title ?? '')}\n${String(fields.summary ?? '')}\n${documentToText(body as ContentDocument)}`;

/**
 * The story form: fields, the body editor and saving that never loses a word. Every change is
 * copied to this browser at once; «حفظ» sends the text with the version it was based on. A stale
 * save shows the newer version beside the writer's, which stays in the editor. A network failure
 * keeps retrying while the local copy holds the text.
 */
/** The server actions the form calls, handed in by the page (components never import app/). */
export interface ArticleFormActions {
  create: (payload: ArticlePayload) => Promise<ActionResult<{ id: number }>>;
  save: (articleId: number, expectedVersion: number, payload: ArticlePayload, autosave?: boolean) => Promise<ActionResult<SavedArticle>>;
  checkSlug: (input: string, articleId: number | null) => Promise<ActionResult<SlugCheck>>;
  heartbeat: (articleId: number, version: number) => Promise<ActionResult<PresenceReport>>;
  leave: (articleId: number) => Promise<ActionResult>;
}

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
  const [version, setVersion] = useState(initialVersion);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // The newer version a save collided with, and the writer's own text at that moment.
  const [conflict, setConflict] = useState<(ConflictVersion & { mine: string }) | null>(null);
  // A copy to offer back, and the browser-storage key it was read from.
  const [offer, setOffer] = useState<(LocalCopy & { key: string }) | null>(null);
  const [picker, setPicker] = useState<null | 'body' | 'featured'>(null);
  const [featured, setFeatured] = useState<{ id: number; src: string; alt: string } | null>(
    initialFeaturedMediaId && initialFeaturedImage ? { id: initialFeaturedMediaId, ...initialFeaturedImage } : null,
  );
  const featuredRef = useRef(featured);
  const [slugCheck, setSlugCheck] = useState<{ slug: string; available: boolean } | null>(null);
  // The editor may hold on to the first onChange it was given, so the latest fields live in a ref.
  const fieldsRef = useRef(initialFields);
  const changeCounter = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const localTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // ProseMirror builds attribute objects without a prototype, which server actions cannot carry:
  // a JSON round trip makes the body plain data.
  const currentBody = useCallback(
    (): ContentDocument => JSON.parse(JSON.stringify(editor.current?.getJSON() ?? initialBody ?? EMPTY_BODY)) as ContentDocument,
    [initialBody],
  );

  // Offer back a copy this browser kept but the server never confirmed: the work in progress
  // first, else the writer's own text they set aside for someone else's in a conflict.
  useEffect(() => {
    const server = textOf(initialFields, initialBody ?? EMPTY_BODY);
    for (const key of [storageKey, keptKey(storageKey)]) {
      const copy = readLocalCopy(key);
      if (!copy) continue;
      if (textOf(copy.fields, copy.body) !== server || JSON.stringify(copy.fields) !== JSON.stringify(initialFields)) {
        setOffer({ ...copy, key }); // eslint-disable-line react-hooks/set-state-in-effect -- reading browser storage once after mount
        return;
      }
      clearLocalCopy(key);
    }
  }, [storageKey, initialFields, initialBody]);

  const versionRef = useRef(initialVersion);
  const updateVersion = (next: number) => {
    versionRef.current = next;
    setVersion(next);
  };
  const saveRef = useRef<(baseVersion: number, autosave?: boolean) => Promise<void>>(async () => {});
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const changed = useCallback(() => {
    changeCounter.current++;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'unsaved' }));
    clearTimeout(localTimer.current);
    localTimer.current = setTimeout(() => {
      writeLocalCopy(storageKey, { fields: { ...fieldsRef.current }, body: currentBody(), baseVersion: versionRef.current, savedAt: new Date().toISOString() });
    }, LOCAL_COPY_DELAY_MS);
    // A new story is created by its first explicit save; after that, quiet typing autosaves.
    clearTimeout(autosaveTimer.current);
    if (articleId !== null && editable) {
      autosaveTimer.current = setTimeout(() => void saveRef.current(versionRef.current, true), AUTOSAVE_DELAY_MS);
    }
  }, [storageKey, currentBody, articleId, editable]);

  const updateFields = (next: ArticleFormFields) => {
    fieldsRef.current = next;
    setFields(next);
  };

  const setField = <K extends keyof ArticleFormFields>(name: K, value: ArticleFormFields[K]) => {
    updateFields({ ...fieldsRef.current, [name]: value });
    changed();
  };

  const save = useCallback(
    async (baseVersion: number, autosave = false) => {
      clearTimeout(retryTimer.current);
      clearTimeout(autosaveTimer.current);
      // A copy still waiting to be written would land after this save and outlive it.
      clearTimeout(localTimer.current);
      const sentAt = changeCounter.current;
      const body = currentBody();
      const fields = fieldsRef.current;
      writeLocalCopy(storageKey, { fields: { ...fields }, body, baseVersion, savedAt: new Date().toISOString() });
      setState({ kind: 'saving' });
      setFieldErrors({});
      // Next refuses a request over its 1 MB limit before our code runs, with an error the form
      // could not tell from a lost connection; anything that large would be refused anyway.
      const payload = payloadOf(fields, body, featuredRef.current?.id ?? null);
      if (new Blob([JSON.stringify(payload)]).size > MAX_REQUEST_BYTES) {
        setState({ kind: 'failed', reason: t.errors.codes.CONTENT_TOO_LARGE });
        return;
      }
      // The server answered but its database did not: nothing was written, so the same save is retried.
      const retryLater = () => {
        setState({ kind: 'unreachable' });
        retryTimer.current = setTimeout(() => void saveRef.current(baseVersion, autosave), RETRY_DELAY_MS);
      };
      try {
        if (articleId === null) {
          const result = await actions.create(payload);
          if (!result.ok && result.error === 'DATABASE_UNAVAILABLE') return retryLater();
          if (!result.ok && result.error === 'UNAUTHENTICATED') return setState({ kind: 'signedOut' });
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setState({ kind: 'failed', reason: t.errors.codes[result.error as keyof typeof t.errors.codes] ?? t.errors.codes.UNEXPECTED });
            return;
          }
          clearLocalCopy(storageKey);
          router.replace(`/desk/articles/${result.value.id}`);
          return;
        }
        const result = await actions.save(articleId, baseVersion, payload, autosave);
        if (result.ok) {
          updateVersion(result.value.version);
          setConflict(null);
          if (changeCounter.current === sentAt) {
            clearLocalCopy(storageKey);
            setState({ kind: 'saved' });
          } else {
            setState({ kind: 'unsaved' });
          }
          router.refresh();
          return;
        }
        if (result.error === 'DATABASE_UNAVAILABLE') return retryLater();
        // Signing in again (in another tab, so this one keeps the text) makes the next save work.
        if (result.error === 'UNAUTHENTICATED') return setState({ kind: 'signedOut' });
        if (result.conflict) setConflict({ ...result.conflict, mine: textOf(fields, body) });
        setFieldErrors(result.fieldErrors ?? {});
        setState({ kind: 'failed', reason: t.errors.codes[result.error as keyof typeof t.errors.codes] ?? t.errors.codes.UNEXPECTED });
      } catch {
        // The request never reached the server (offline, server restarting): keep trying.
        setState({ kind: 'offline' });
        retryTimer.current = setTimeout(() => void saveRef.current(baseVersion, autosave), RETRY_DELAY_MS);
      }
    },
    [actions, articleId, currentBody, router, storageKey, t],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // The page re-renders after workflow actions (submit, approve…), which move the version on.
  // With nothing unsaved the form adopts it; with unsaved text it keeps its base, so the next
  // save shows what changed instead of silently overwriting it.
  useEffect(() => {
    if (state.kind === 'saved' && initialVersion > versionRef.current) updateVersion(initialVersion);
  }, [initialVersion, state.kind]);

  useEffect(() => {
    const retry = () => {
      if (state.kind === 'offline') void save(version);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [save, state.kind, version]);

  useEffect(
    () => () => {
      clearTimeout(retryTimer.current);
      clearTimeout(autosaveTimer.current);
    },
    [],
  );

  // Ctrl+S (⌘S on a Mac) is «حفظ», wherever the focus is on the page, instead of the browser's
  // "save page as". The key is read by its place as well as its letter: with an Arabic layout the
  // same key types «س».
  useEffect(() => {
    if (!editable) return;
    const shortcut = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || (event.code !== 'KeyS' && event.key.toLowerCase() !== 's')) return;
      event.preventDefault();
      if (state.kind !== 'saving') void saveRef.current(versionRef.current);
    };
    window.addEventListener('keydown', shortcut);
    return () => window.removeEventListener('keydown', shortcut);
  }, [editable, state.kind]);

  // Warn before leaving with unsaved work (the local copy keeps it either way).
  useEffect(() => {
    if (state.kind === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.kind]);

  const checkSlug = async (value: string) => {
    if (!value.trim()) return setSlugCheck(null);
    const checked = await actions.checkSlug(value, articleId);
    setSlugCheck(checked.ok ? checked.value : null);
  };

  const restoreOffer = () => {
    if (!offer) return;
    updateFields({ ...initialFields, ...(offer.fields as Partial<ArticleFormFields>) });
    editor.current?.setContent(offer.body as ContentDocument);
    // Back in the form, the text is the work in progress again, kept under the usual key.
    if (offer.key !== storageKey) clearLocalCopy(offer.key);
    setOffer(null);
    changed();
  };

  const takeTheirs = () => {
    if (!conflict) return;
    // Mine is set aside in this browser under a key of its own, which later typing and saves
    // never overwrite, and is offered back when the story is opened again.
    clearTimeout(localTimer.current);
    writeLocalCopy(keptKey(storageKey), { fields: { ...fieldsRef.current }, body: currentBody(), baseVersion: versionRef.current, savedAt: new Date().toISOString() });
    updateFields({ ...fieldsRef.current, title: conflict.title, summary: conflict.summary });
    editor.current?.setContent(conflict.body as ContentDocument);
    updateVersion(conflict.version);
    setConflict(null);
    setState({ kind: 'saved' });
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

  // Presence: tell the server this story is open, learn who else has it open and whether
  // someone saved since this editor's version.
  const [presence, setPresence] = useState<{ others: string[]; newer: boolean }>({ others: [], newer: false });
  useEffect(() => {
    if (articleId === null) return;
    let stopped = false;
    const beat = async () => {
      try {
        const report = await actions.heartbeat(articleId, versionRef.current);
        if (!stopped && report.ok) setPresence({ others: report.value.others.map((o) => o.name), newer: report.value.version > versionRef.current });
      } catch {
        // offline: the next beat tries again
      }
    };
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      void actions.leave(articleId).catch(() => {});
    };
  }, [actions, articleId]);

  const stateText =
    state.kind === 'failed'
      ? format(f.state.failed, { reason: state.reason })
      : state.kind === 'unsaved'
        ? `${f.state.unsaved} · ${f.state.localOnly}`
        : f.state[state.kind];

  const input = 'block w-full rounded-md border border-rule bg-white px-3 py-2 disabled:bg-paper';
  const fieldError = (name: string) =>
    fieldErrors[name]
      ? ((t.errors.codes as Record<string, string>)[fieldErrors[name]!] ?? (t.users.errors as Record<string, string>)[fieldErrors[name]!] ?? t.errors.codes.INVALID_INPUT)
      : null;

  return (
    <div className="space-y-5">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-4 border-b border-rule bg-paper/95 py-3">
        {editable && (
          <button type="button" onClick={() => void save(version)} disabled={state.kind === 'saving'} className="rounded-md bg-ink px-5 py-2 font-semibold text-paper disabled:opacity-60">
            {f.save}
          </button>
        )}
        <p id={statusId} role="status" aria-live="polite" className={`text-sm ${state.kind === 'failed' || state.kind === 'offline' || state.kind === 'unreachable' || state.kind === 'signedOut' ? 'text-accent' : 'text-muted'}`}>
          {stateText}
        </p>
        {state.kind === 'signedOut' && (
          // A new tab: leaving this one would unload the editor, and its text with it.
          <a href="/login" target="_blank" rel="noopener" className="text-sm font-semibold underline">
            {f.signInAgain}
          </a>
        )}
      </div>
      {offer && (
        <section role="alert" className="rounded-md border border-accent bg-white p-4">
          <h2 className="font-bold">{format(f.localCopyTitle, { time: dates.dateTime(new Date(offer.savedAt)) })}</h2>
          <p className="mt-1 text-sm text-muted">{f.localCopyBody}</p>
          <WordDiff before={textOf(initialFields, initialBody)} after={textOf(offer.fields, offer.body)} locale={locale} className="mt-3 max-h-64 overflow-auto text-sm" />
          <div className="mt-3 flex gap-2">
            <button type="button" onClick={restoreOffer} className="rounded-md bg-ink px-3 py-1.5 text-paper">
              {f.restoreLocal}
            </button>
            <button
              type="button"
              onClick={() => {
                clearLocalCopy(offer.key);
                setOffer(null);
              }}
              className="rounded-md border border-rule px-3 py-1.5"
            >
              {f.discardLocal}
            </button>
          </div>
        </section>
      )}

      {conflict && (
        <section role="alert" aria-labelledby="conflict-title" className="rounded-md border-2 border-accent bg-white p-4">
          <h2 id="conflict-title" className="font-bold text-accent">
            {format(f.conflictTitle, { name: conflict.authorName, time: dates.dateTime(new Date(conflict.savedAt)) })}
          </h2>
          <p className="mt-1 text-sm">{f.conflictBody}</p>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="text-sm font-semibold">{f.conflictTheirs}</h3>
              <div className="mt-1 max-h-72 overflow-auto rounded border border-rule p-2 text-sm" dir="auto">
                <p className="font-semibold">{conflict.title}</p>
                <p className="whitespace-pre-line">{documentToText(conflict.body as ContentDocument)}</p>
              </div>
            </div>
            <div>
              <h3 className="text-sm font-semibold">{f.conflictDiff}</h3>
              <WordDiff before={textOf(conflict, conflict.body)} after={conflict.mine} locale={locale} className="mt-1 max-h-72 overflow-auto rounded border border-rule p-2 text-sm" />
            </div>
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" onClick={() => void save(conflict.version)} className="rounded-md bg-ink px-3 py-1.5 text-paper">
              {f.keepMine}
            </button>
            <button type="button" onClick={takeTheirs} className="rounded-md border border-rule px-3 py-1.5">
              {f.takeTheirs}
            </button>
          </div>
        </section>
      )}

      {!editable && <p className="rounded-md bg-rule p-3 text-sm">{f.readOnly}</p>}
      {presence.others.length > 0 && (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {format(f.othersEditing, { names: presence.others.join('، ') })}
        </p>
      )}
      {presence.newer && state.kind !== 'saved' && (
        <p role="alert" className="rounded-md border border-accent bg-white p-2 text-sm text-accent">
          {f.newerOnServer}
        </p>
      )}

      <Field label={f.title} problem={fieldError('title')}>
        <input
          value={fields.title}
          onChange={(e) => setField('title', e.target.value)}
          disabled={!editable}
          dir="auto"
          required
          maxLength={300}
          className={`${input} font-serif text-2xl font-bold`}
        />
      </Field>
      <Field label={f.summary} problem={fieldError('summary')}>
        <textarea value={fields.summary} onChange={(e) => setField('summary', e.target.value)} disabled={!editable} dir="auto" rows={2} maxLength={1000} className={input} />
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={f.section} problem={fieldError('sectionId')}>
          <select
            value={fields.sectionId}
            onChange={(e) => setField('sectionId', e.target.value ? Number(e.target.value) : '')}
            disabled={!editable}
            className={input}
          >
            <option value="">{f.chooseSection}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={f.tags} hint={f.tagsHint} problem={fieldError('tags')}>
          <input value={fields.tags} onChange={(e) => setField('tags', e.target.value)} disabled={!editable} dir="auto" className={input} />
        </Field>
        <Field
          label={f.slug}
          hintLive
          hint={
            slugCheck ? (
              <>
                {format(f.slugPreview, { slug: slugCheck.slug || '—' })}
                {!slugCheck.available && <span className="ms-1 text-accent">{slugCheck.slug ? t.errors.codes.SLUG_TAKEN : t.errors.codes.SLUG_EMPTY}</span>}
              </>
            ) : (
              f.slugHint
            )
          }
          problem={fieldError('slug')}
        >
          <input
            value={fields.slug}
            onChange={(e) => setField('slug', e.target.value)}
            onBlur={(e) => void checkSlug(e.target.value || fields.title)}
            disabled={!editable}
            dir="auto"
            className={input}
          />
        </Field>
        <Field label={f.byline} hint={f.bylineHint} problem={fieldError('byline')}>
          <input value={fields.byline} onChange={(e) => setField('byline', e.target.value)} disabled={!editable} dir="auto" className={input} />
        </Field>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-semibold">{t.media.featured}</span>
        {featured && (
          // eslint-disable-next-line @next/next/no-img-element -- library images are already re-encoded to web sizes
          <img src={featured.src} alt={featured.alt} className="h-16 w-auto rounded border border-rule" />
        )}
        {editable && (
          <button type="button" onClick={() => setPicker('featured')} className="rounded-md border border-rule px-3 py-1 text-sm">
            {featured ? t.media.replace : t.media.upload}
          </button>
        )}
        {editable && featured && (
          <button
            type="button"
            onClick={() => {
              featuredRef.current = null;
              setFeatured(null);
              changed();
            }}
            className="rounded-md border border-rule px-3 py-1 text-sm"
          >
            {t.media.remove}
          </button>
        )}
      </div>
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
