import { describe, expect, it } from 'vitest';
import { ar } from '@/i18n/ar';
import { en } from '@/i18n/en';
import { ariaKeyShortcut, EDITOR_SHORTCUTS, formatCount, formatShortcut, platformOf } from './format';

describe('formatShortcut', () => {
  it.each<[string, string, string]>([
    ['Mod-b', 'Ctrl+B', '⌘B'],
    ['Mod-Shift-8', 'Ctrl+Shift+8', '⌘⇧8'],
    ['Mod-Alt-2', 'Ctrl+Alt+2', '⌘⌥2'],
    ['Mod-Shift-z', 'Ctrl+Shift+Z', '⌘⇧Z'],
  ])('shows %s as %s (PC) and %s (Mac)', (shortcut, pc, mac) => {
    expect(formatShortcut(shortcut, 'other')).toBe(pc);
    expect(formatShortcut(shortcut, 'mac')).toBe(mac);
  });

  it('names keys for aria-keyshortcuts', () => {
    expect(ariaKeyShortcut('Mod-Shift-8', 'other')).toBe('Control+Shift+8');
    expect(ariaKeyShortcut('Mod-k', 'mac')).toBe('Meta+K');
  });

  it('gives every toolbar shortcut a distinct key combination', () => {
    const combos = Object.values(EDITOR_SHORTCUTS).map((s) => s.toLowerCase());
    expect(new Set(combos).size).toBe(combos.length);
  });

  it('recognises Apple platforms', () => {
    expect(platformOf('MacIntel')).toBe('mac');
    expect(platformOf('iPhone')).toBe('mac');
    expect(platformOf('Win32')).toBe('other');
    expect(platformOf('Linux x86_64')).toBe('other');
    expect(platformOf(undefined)).toBe('other');
  });
});

describe('formatCount', () => {
  it.each<[number, string]>([
    [0, 'لا كلمات'],
    [1, 'كلمة واحدة'],
    [2, 'كلمتان'],
    [3, '3 كلمات'],
    [10, '10 كلمات'],
    [11, '11 كلمة'],
    [99, '99 كلمة'],
    [100, '100 كلمة'],
    [2500, '2,500 كلمة'],
  ])('says %i words in Arabic as %j', (count, text) => {
    expect(formatCount(ar.editor.words, count, 'ar', 'latn')).toBe(text);
  });

  it('writes Arabic-Indic digits when the site uses them', () => {
    expect(formatCount(ar.editor.words, 7, 'ar', 'arab')).toBe('٧ كلمات');
    expect(formatCount(ar.editor.readingTime, 15, 'ar', 'arab')).toBe('١٥ دقيقة للقراءة');
  });

  it('uses English plural rules in English', () => {
    expect(formatCount(en.editor.words, 1, 'en')).toBe('1 word');
    expect(formatCount(en.editor.words, 0, 'en')).toBe('0 words');
    expect(formatCount(en.editor.words, 2, 'en')).toBe('2 words');
    expect(formatCount(en.editor.readingTime, 3, 'en')).toBe('3 minute read');
  });
});
