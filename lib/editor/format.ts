import { formatNumber, type DigitStyle, type FormatLocale } from '../format/formatter';

/**
 * Small formatting rules for the desk editor, kept pure so they can be tested without a browser.
 */

/** Keyboard shortcuts in Tiptap's notation; the editor binds exactly these. */
export const EDITOR_SHORTCUTS = {
  bold: 'Mod-b',
  italic: 'Mod-i',
  heading2: 'Mod-Alt-2',
  heading3: 'Mod-Alt-3',
  bulletList: 'Mod-Shift-8',
  orderedList: 'Mod-Shift-7',
  blockquote: 'Mod-Shift-b',
  pullQuote: 'Mod-Alt-q',
  link: 'Mod-k',
  undo: 'Mod-z',
  redo: 'Mod-Shift-z',
} as const;

export type ShortcutPlatform = 'mac' | 'other';

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
const OTHER_NAMES: Record<string, string> = { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Ctrl: 'Ctrl' };
const ARIA_NAMES: Record<ShortcutPlatform, Record<string, string>> = {
  mac: { Mod: 'Meta', Alt: 'Alt', Shift: 'Shift', Ctrl: 'Control' },
  other: { Mod: 'Control', Alt: 'Alt', Shift: 'Shift', Ctrl: 'Control' },
};

function split(shortcut: string): { modifiers: string[]; key: string } {
  const parts = shortcut.split('-');
  const key = parts.pop() ?? '';
  return { modifiers: parts, key: key.length === 1 ? key.toUpperCase() : key };
}

/** How a shortcut is shown in a button's title: "⌘⇧8" on a Mac, "Ctrl+Shift+8" elsewhere. */
export function formatShortcut(shortcut: string, platform: ShortcutPlatform): string {
  const { modifiers, key } = split(shortcut);
  if (platform === 'mac') return modifiers.map((m) => MAC_SYMBOLS[m] ?? m).join('') + key;
  return [...modifiers.map((m) => OTHER_NAMES[m] ?? m), key].join('+');
}

/** The same shortcut in the form `aria-keyshortcuts` expects ("Control+Shift+8"). */
export function ariaKeyShortcut(shortcut: string, platform: ShortcutPlatform): string {
  const { modifiers, key } = split(shortcut);
  return [...modifiers.map((m) => ARIA_NAMES[platform][m] ?? m), key].join('+');
}

export function platformOf(userAgentPlatform: string | undefined): ShortcutPlatform {
  return userAgentPlatform && /mac|iphone|ipad|ipod/i.test(userAgentPlatform) ? 'mac' : 'other';
}

export type PluralForms = Readonly<Record<Intl.LDMLPluralRule, string>>;

/**
 * A counted phrase in the language's own plural form — Arabic has six (0, 1, 2, 3–10, 11–99,
 * 100+) — with `{count}` written in the site's digits.
 */
export function formatCount(forms: PluralForms, count: number, locale: FormatLocale, digits: DigitStyle = 'latn'): string {
  const category = new Intl.PluralRules(locale).select(count);
  return forms[category].replace('{count}', formatNumber(count, digits, locale));
}
