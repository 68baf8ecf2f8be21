'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { format, type Messages } from '@/i18n';
import { blockDirectionAt, type TextDirection } from '@/lib/content/extensions';
import type { ArticleImageInput } from '@/lib/content/image';
import { ariaKeyShortcut, EDITOR_SHORTCUTS, formatShortcut, type ShortcutPlatform } from '@/lib/editor/format';
import {
  BlockquoteIcon,
  BulletListIcon,
  DirectionAutoIcon,
  DirectionLtrIcon,
  DirectionRtlIcon,
  EmbedIcon,
  ImageIcon,
  LinkIcon,
  OrderedListIcon,
  PullQuoteIcon,
  RedoIcon,
  RuleIcon,
  UndoIcon,
} from './icons';

type EditorMessages = Messages['editor'];

interface ToolbarItem {
  id: string;
  label: string;
  shortcut?: string;
  content: ReactNode;
  /** Present for toggles: whether the format is on at the cursor. */
  pressed?: boolean;
  disabled: boolean;
  run: () => void;
}

interface EditorToolbarProps {
  editor: Editor | null;
  messages: EditorMessages;
  platform: ShortcutPlatform;
  editable: boolean;
  /** Shown only when the page can pick images. */
  onRequestImage?: (selected: ArticleImageInput | null) => void;
  onOpenLink: () => void;
  onOpenEmbed: () => void;
  controlsId: string;
}

function selectedImage(editor: Editor): ArticleImageInput | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'image') return null;
  return selection.node.attrs as ArticleImageInput;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (in the reading
 * direction), every button named from the catalogue with its shortcut in the title.
 */
export function EditorToolbar({ editor, messages: t, platform, editable, onRequestImage, onOpenLink, onOpenEmbed, controlsId }: EditorToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return null;
      const can = e.can();
      return {
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        heading2: e.isActive('heading', { level: 2 }),
        heading3: e.isActive('heading', { level: 3 }),
        bulletList: e.isActive('bulletList'),
        orderedList: e.isActive('orderedList'),
        blockquote: e.isActive('blockquote'),
        pullQuote: e.isActive('pullQuote'),
        link: e.isActive('link'),
        direction: blockDirectionAt(e.state),
        canBold: can.toggleBold(),
        canItalic: can.toggleItalic(),
        canHeading: can.toggleHeading({ level: 2 }),
        canBulletList: can.toggleBulletList(),
        canOrderedList: can.toggleOrderedList(),
        canBlockquote: can.toggleBlockquote(),
        canPullQuote: can.togglePullQuote(),
        canLink: e.isActive('link') || can.setLink({ href: 'https://example.org' }),
        canRule: can.setHorizontalRule(),
        canEmbed: can.insertEmbed('https://youtu.be/aaaaaaaaaaa'),
        canDirection: can.setBlockDirection('auto'),
        canUndo: can.undo(),
        canRedo: can.redo(),
      };
    },
  });

  const off = !editor || !state || !editable;
  const chain = () => editor!.chain().focus();
  const glyph = (text: string) => (
    <span aria-hidden="true" className="min-w-5 text-center font-serif text-base leading-none font-bold">
      {text}
    </span>
  );

  const groups: ToolbarItem[][] = [
    [
      { id: 'bold', label: t.bold, shortcut: EDITOR_SHORTCUTS.bold, content: glyph(t.glyphs.bold), pressed: state?.bold, disabled: off || !state.canBold, run: () => chain().toggleBold().run() },
      {
        id: 'italic',
        label: t.italic,
        shortcut: EDITOR_SHORTCUTS.italic,
        content: <span aria-hidden="true" className="min-w-5 text-center font-serif text-base leading-none italic">{t.glyphs.italic}</span>,
        pressed: state?.italic,
        disabled: off || !state.canItalic,
        run: () => chain().toggleItalic().run(),
      },
    ],
    [
      { id: 'heading2', label: t.heading2, shortcut: EDITOR_SHORTCUTS.heading2, content: glyph(t.glyphs.heading2), pressed: state?.heading2, disabled: off || !state.canHeading, run: () => chain().toggleHeading({ level: 2 }).run() },
      { id: 'heading3', label: t.heading3, shortcut: EDITOR_SHORTCUTS.heading3, content: glyph(t.glyphs.heading3), pressed: state?.heading3, disabled: off || !state.canHeading, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { id: 'bulletList', label: t.bulletList, shortcut: EDITOR_SHORTCUTS.bulletList, content: <BulletListIcon />, pressed: state?.bulletList, disabled: off || !state.canBulletList, run: () => chain().toggleBulletList().run() },
      { id: 'orderedList', label: t.orderedList, shortcut: EDITOR_SHORTCUTS.orderedList, content: <OrderedListIcon />, pressed: state?.orderedList, disabled: off || !state.canOrderedList, run: () => chain().toggleOrderedList().run() },
      { id: 'blockquote', label: t.blockquote, shortcut: EDITOR_SHORTCUTS.blockquote, content: <BlockquoteIcon />, pressed: state?.blockquote, disabled: off || !state.canBlockquote, run: () => chain().toggleBlockquote().run() },
      { id: 'pullQuote', label: t.pullQuote, shortcut: EDITOR_SHORTCUTS.pullQuote, content: <PullQuoteIcon />, pressed: state?.pullQuote, disabled: off || !state.canPullQuote, run: () => chain().togglePullQuote().run() },
    ],
    [
      { id: 'link', label: t.link, shortcut: EDITOR_SHORTCUTS.link, content: <LinkIcon />, pressed: state?.link, disabled: off || !state.canLink, run: onOpenLink },
      ...(onRequestImage
        ? [{ id: 'image', label: t.image, content: <ImageIcon />, disabled: off, run: () => onRequestImage(selectedImage(editor!)) }]
        : []),
      { id: 'embed', label: t.embed, content: <EmbedIcon />, disabled: off || !state.canEmbed, run: onOpenEmbed },
      { id: 'rule', label: t.horizontalRule, content: <RuleIcon />, disabled: off || !state.canRule, run: () => chain().setHorizontalRule().run() },
    ],
    (
      [
        ['auto', t.directionAuto, <DirectionAutoIcon key="auto" />],
        ['rtl', t.directionRtl, <DirectionRtlIcon key="rtl" />],
        ['ltr', t.directionLtr, <DirectionLtrIcon key="ltr" />],
      ] as const
    ).map(([dir, label, icon]) => ({
      id: `dir-${dir}`,
      label,
      content: icon,
      pressed: state?.direction === (dir as TextDirection),
      disabled: off || !state.canDirection,
      run: () => chain().setBlockDirection(dir).run(),
    })),
    [
      { id: 'undo', label: t.undo, shortcut: EDITOR_SHORTCUTS.undo, content: <UndoIcon />, disabled: off || !state.canUndo, run: () => chain().undo().run() },
      { id: 'redo', label: t.redo, shortcut: EDITOR_SHORTCUTS.redo, content: <RedoIcon />, disabled: off || !state.canRedo, run: () => chain().redo().run() },
    ],
  ];
  const items = groups.flat();

  // Roving tab stop: the last button used keeps it, or the first one that can be used.
  const [current, setCurrent] = useState('bold');
  const focusable = items.filter((item) => !item.disabled);
  const tabStop = focusable.some((item) => item.id === current) ? current : focusable[0]?.id;
  const toolbarRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1 || buttons.length === 0) return;
    const rtl = getComputedStyle(toolbarRef.current!).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key as 'ArrowRight' | 'ArrowLeft'];
    let next: number | undefined;
    if (step !== undefined) next = (at + step + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    buttons[next]!.focus();
  };

  const directionGroupIndex = groups.length - 2;
  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label={t.toolbar}
      aria-controls={controlsId}
      aria-disabled={off || undefined}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 border-b border-rule bg-paper px-2 py-1.5"
    >
      {groups.map((group, g) => (
        <div
          key={g}
          role={g === directionGroupIndex ? 'group' : undefined}
          aria-label={g === directionGroupIndex ? t.direction : undefined}
          className="flex items-center gap-0.5 border-e border-rule pe-1 last:border-e-0"
        >
          {group.map((item) => (
            <button
              key={item.id}
              type="button"
              data-command={item.id}
              aria-label={item.label}
              aria-pressed={item.pressed === undefined ? undefined : item.pressed}
              aria-keyshortcuts={item.shortcut ? ariaKeyShortcut(item.shortcut, platform) : undefined}
              title={item.shortcut ? format(t.withShortcut, { label: item.label, keys: formatShortcut(item.shortcut, platform) }) : item.label}
              disabled={item.disabled}
              tabIndex={item.id === tabStop ? 0 : -1}
              onFocus={() => setCurrent(item.id)}
              // Keep the editor's selection when a button is clicked with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onClick={item.run}
              className="inline-flex h-9 min-w-9 items-center justify-center rounded-md px-1.5 text-ink transition-colors hover:bg-rule/70 disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:bg-ink aria-pressed:text-paper"
            >
              {item.content}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
