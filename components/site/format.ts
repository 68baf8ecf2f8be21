import { format } from '@/i18n';

type PluralForms = Readonly<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>>;

// Public pages speak the site language, Arabic, whose six plural forms the catalogue spells out.
const arabicPlurals = new Intl.PluralRules('ar');

/** The catalogue sentence for a count, in the right Arabic plural form, with the count in the site's digits. */
export function plural(forms: PluralForms, count: number, shownCount: string): string {
  const category = arabicPlurals.select(count) as keyof PluralForms;
  return format(forms[category] ?? forms.other, { count: shownCount });
}
