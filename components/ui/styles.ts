/**
 * The desk's control styles, in one place. Plain class strings rather than components, so server
 * pages, client forms and react-aria-components (whose `className` also takes these) share them.
 */

/** Text fields, selects and text areas. */
export const fieldStyle = 'block w-full rounded-md border border-rule bg-white px-3 py-2 disabled:bg-paper';

const buttonBase = 'rounded-md font-semibold outline-offset-2 disabled:opacity-60 aria-disabled:opacity-60';

export const buttonStyle = {
  /** The one step a form is for: «حفظ», «بحث», «إنشاء». */
  primary: `${buttonBase} bg-ink px-4 py-2 text-paper hover:opacity-90`,
  /** Steps beside it: «تراجع», «إلغاء». */
  secondary: `${buttonBase} border border-rule px-4 py-2 hover:bg-rule`,
  /** A step that takes something away from readers or from a person. */
  danger: `${buttonBase} bg-accent px-4 py-2 text-white hover:opacity-90`,
  /** Row actions in lists and tables. */
  small: `${buttonBase} border border-rule px-3 py-1 text-sm hover:bg-rule`,
} as const;
