import { getMessages, LOCALES, type Locale } from '@/i18n';

/** Each language named in itself, so a person who cannot read the current one finds theirs. */
const LOCALE_NAMES: Record<Locale, string> = { ar: 'العربية', en: 'English' };

/** Buttons for the desk's other languages; works without script (a plain form post). */
export function LanguageSwitch({ locale, action }: { locale: Locale; action: (form: FormData) => Promise<void> }) {
  return (
    <form action={action} aria-label={getMessages(locale).desk.language} className="flex items-center gap-1">
      {LOCALES.filter((l) => l !== locale).map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} className="underline underline-offset-2">
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
