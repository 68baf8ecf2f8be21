'use client';

import { I18nProvider } from 'react-aria-components';

/**
 * Tells the react-aria parts of the desk (dialogs, toasts, comboboxes) the desk language. Without
 * it they take the browser's language, so an English desk in an Arabic browser drew its toasts
 * right to left.
 */
export function LocaleProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  return <I18nProvider locale={locale}>{children}</I18nProvider>;
}
