'use client';

import './editor.css';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useId, useImperativeHandle, useRef, useState, useSyncExternalStore, type Ref } from 'react';
import { DEFAULT_LOCALE, directionOf, getMessages, type Locale } from '@/i18n';
import { parseEmbedUrl } from '@/lib/content/embeds';
import { contentExtensionsWithEmbedCard } from '@/lib/content/extensions';
import type { ArticleImageInput } from '@/lib/content/image';
import { cleanPastedHtml, cleanPastedText } from '@/lib/content/paste';
import { documentToText } from '@/lib/content/text';
import type { ContentDocument } from '@/lib/content/types';
import { formatCount, platformOf, type ShortcutPlatform } from '@/lib/editor/format';
import { textStats, type TextStats } from '@/lib/text-stats';
import { EditorToolbar } from './editor-toolbar';
import { EmbedForm } from './embed-form';
import { LinkForm } from './link-form';

/** What the desk page can ask of a mounted editor. */
export interface ArticleEditorHandle {
  /** The current body as Tiptap JSON (the initial content until the editor has mounted). */
  getJSON(): ContentDocument;
  /** The body's plain text, one line per block, as stored for search and diffs. */
  getText(): string;
  getStats(): TextStats;
  /** Places an uploaded image at the cursor, or replaces the selected image. False if refused (e.g. no alt text). */
  insertImage(image: ArticleImageInput): boolean;
  /**
   * Replaces the whole body (restoring a local copy or a revision); fires onChange, unless
   * `asChange` is false: taking the server's own version is no change of the writer's.
   */
  setContent(doc: ContentDocument, options?: { asChange?: boolean }): void;
  focus(): void;
}

export interface ArticleEditorProps {
  /** The body to start from. Later changes of this prop are ignored: use the handle's setContent. */
  initialContent?: ContentDocument | null;
  /** Every change of the body. Called often; debounce saves on the page. */
  onChange?: (doc: ContentDocument) => void;
  /** Word count and reading time whenever the body changes (and once on mount). */
  onStatsChange?: (stats: TextStats) => void;
  editable?: boolean;
  /**
   * Called by the image button. `selected` holds the selected image's attributes when one is
   * selected (to edit its alt text or caption), otherwise null. The page shows its picker, then
   * calls `insertImage` on the handle. Without this prop the image button is not shown.
   */
  onRequestImage?: (selected: ArticleImageInput | null) => void;
  /** Language of the toolbar and labels (the body itself is always laid out right to left). */
  locale?: Locale;
  /** Digits for the word count, from the site settings. */
  digits?: 'latn' | 'arab';
  /** id of an element describing the body field, such as a save error. */
  describedBy?: string;
  ref?: Ref<ArticleEditorHandle>;
}

const EMPTY_DOC: ContentDocument = { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'auto' } }] };

const noSubscription = () => () => {};
function usePlatform(): ShortcutPlatform {
  return useSyncExternalStore(
    noSubscription,
    () => platformOf((navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform),
    () => 'other',
  );
}

function statsOf(doc: ContentDocument): TextStats {
  return textStats(documentToText(doc));
}

/**
 * The story body editor. It edits with the one shared content schema (lib/content), so what it
 * produces is exactly what the server accepts and renders. The editable area is a labelled,
 * multi-line textbox laid out right to left; each block takes its own direction from its text
 * unless set from the toolbar.
 */
export function ArticleEditor({
  initialContent,
  onChange,
  onStatsChange,
  editable = true,
  onRequestImage,
  locale = DEFAULT_LOCALE,
  digits = 'latn',
  describedBy,
  ref,
}: ArticleEditorProps) {
  const t = getMessages(locale).editor;
  const surfaceId = useId();
  const platform = usePlatform();
  // The starting body, fixed for the editor's lifetime; later prop changes are deliberately ignored.
  const [initialDoc] = useState<ContentDocument>(() => initialContent ?? EMPTY_DOC);
  const [stats, setStats] = useState<TextStats>(() => statsOf(initialDoc));
  const [contentError, setContentError] = useState(false);
  const [link, setLink] = useState<{ href: string; hasLink: boolean } | null>(null);
  const [embedOpen, setEmbedOpen] = useState(false);
  // Embeds show as cards naming their provider in the desk's language, never as frames.
  const [extensions] = useState(() => contentExtensionsWithEmbedCard({ providers: getMessages(locale).embeds.providers }));
  // A body handed to setContent before the editor has mounted waits here.
  const pendingDoc = useRef<ContentDocument | null>(null);
  // Set while a body that is not the writer's change is put in, so the update reports no change.
  const quiet = useRef(false);
  const openLinkRef = useRef<() => void>(() => {});

  const report = (doc: ContentDocument, notifyChange: boolean) => {
    const next = statsOf(doc);
    setStats(next);
    onStatsChange?.(next);
    if (notifyChange) onChange?.(doc);
  };

  const surfaceAttributes = (canEdit: boolean): Record<string, string> => ({
    id: surfaceId,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': t.label,
    ...(canEdit ? {} : { 'aria-readonly': 'true' }),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    dir: 'rtl',
    lang: 'ar',
    class: 'prose-article midad-editor-surface',
  });

  const canEdit = editable && !contentError;
  // useEditor passes these options to the editor again whenever they change, so they always
  // describe the current state (labels, read-only) rather than the first render's.
  const editor = useEditor({
    extensions,
    content: initialDoc,
    editable: canEdit,
    // Rendering waits for the browser: the server never builds an editor.
    immediatelyRender: false,
    injectCSS: false,
    enableContentCheck: true,
    editorProps: {
      attributes: surfaceAttributes(canEdit),
      transformPastedHTML: cleanPastedHtml,
      transformPastedText: cleanPastedText,
      handlePaste: (view, event) => {
        // A lone address of an allowed post, pasted on an empty line, becomes an embed; any other
        // address pastes as text (and links itself) as usual.
        const text = event.clipboardData?.getData('text/plain').trim() ?? '';
        const { selection, schema } = view.state;
        const { $from } = selection;
        if (!text || /\s/.test(text) || !selection.empty || $from.depth !== 1) return false;
        if ($from.parent.type.name !== 'paragraph' || $from.parent.content.size !== 0) return false;
        const parsed = parseEmbedUrl(text);
        if (!parsed.ok) return false;
        const node = schema.nodes.embed!.create({ provider: parsed.provider, url: parsed.canonicalUrl });
        view.dispatch(view.state.tr.replaceWith($from.before(), $from.after(), node).scrollIntoView());
        return true;
      },
      handleKeyDown: (_view, event) => {
        const modifier = event.ctrlKey || event.metaKey;
        if (modifier && !event.altKey && !event.shiftKey && (event.code === 'KeyK' || event.key.toLowerCase() === 'k')) {
          event.preventDefault();
          openLinkRef.current();
          return true;
        }
        return false;
      },
    },
    onContentError: () => {
      // The stored body does not fit the schema. Editing would replace it with what little was
      // understood, so the editor stays read-only and says why.
      setContentError(true);
    },
    onCreate: ({ editor: created }) => report(created.getJSON() as ContentDocument, false),
    onUpdate: ({ editor: changed }) => report(changed.getJSON() as ContentDocument, !quiet.current),
  });

  useEffect(() => {
    // Re-applied options keep the editor's current editability, so changes are made here.
    if (editor && !editor.isDestroyed && editor.isEditable !== canEdit) editor.setEditable(canEdit, false);
  }, [editor, canEdit]);

  useEffect(() => {
    openLinkRef.current = () => {
      if (!editor || !canEdit) return;
      const hasLink = editor.isActive('link');
      setEmbedOpen(false);
      setLink({ href: hasLink ? String(editor.getAttributes('link').href ?? '') : '', hasLink });
    };
  }, [editor, canEdit]);

  useEffect(() => {
    if (!editor || !pendingDoc.current) return;
    editor.commands.setContent(pendingDoc.current, { emitUpdate: true });
    pendingDoc.current = null;
  }, [editor]);

  const closeLink = () => {
    setLink(null);
    editor?.commands.focus();
  };

  const applyLink = (href: string) => {
    if (!editor) return;
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // No text chosen: the address itself becomes the linked text.
      editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    setLink(null);
  };

  const closeEmbed = () => {
    setEmbedOpen(false);
    editor?.commands.focus();
  };

  const applyEmbed = (url: string) => {
    editor?.chain().focus().insertEmbed(url).run();
    setEmbedOpen(false);
  };

  const removeLink = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    setLink(null);
  };

  useImperativeHandle(
    ref,
    (): ArticleEditorHandle => {
      // After a content error the editor holds only what it understood; the stored body stays the truth.
      const current = (): ContentDocument =>
        editor && !editor.isDestroyed && !contentError ? (editor.getJSON() as ContentDocument) : (pendingDoc.current ?? initialDoc);
      return {
        getJSON: current,
        getText: () => documentToText(current()),
        getStats: () => statsOf(current()),
        insertImage: (image) => (editor && canEdit ? editor.chain().focus().insertImage(image).run() : false),
        setContent: (doc, { asChange = true } = {}) => {
          if (!editor) {
            pendingDoc.current = doc;
            return;
          }
          // The update is emitted synchronously, inside this call.
          quiet.current = !asChange;
          try {
            editor.commands.setContent(doc, { emitUpdate: true });
          } finally {
            quiet.current = false;
          }
        },
        focus: () => editor?.commands.focus(),
      };
    },
    [editor, canEdit, contentError, initialDoc],
  );

  return (
    <div className="midad-editor overflow-hidden rounded-lg border border-rule bg-white" dir={directionOf(locale)} lang={locale}>
      <EditorToolbar
        editor={editor as Editor | null}
        messages={t}
        platform={platform}
        editable={canEdit}
        onRequestImage={onRequestImage}
        onOpenLink={() => openLinkRef.current()}
        onOpenEmbed={() => {
          setLink(null);
          setEmbedOpen(true);
        }}
        controlsId={surfaceId}
      />
      {embedOpen && canEdit && <EmbedForm messages={t} onApply={applyEmbed} onClose={closeEmbed} />}
      {link && <LinkForm messages={t} initialHref={link.href} hasLink={link.hasLink} onApply={applyLink} onRemove={removeLink} onClose={closeLink} />}
      {contentError && (
        <p role="alert" className="border-b border-rule bg-accent/10 px-3 py-2 text-sm text-accent">
          {t.contentError}
        </p>
      )}
      <EditorContent editor={editor} className="midad-editor-content" />
      <div role="group" aria-label={t.stats} className="flex gap-3 border-t border-rule px-3 py-1.5 text-sm text-muted">
        <span data-stat="words">{formatCount(t.words, stats.words, locale, digits)}</span>
        <span aria-hidden="true">·</span>
        <span data-stat="reading-time">{formatCount(t.readingTime, stats.readingMinutes, locale, digits)}</span>
      </div>
    </div>
  );
}
