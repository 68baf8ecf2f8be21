import type { ar } from './ar';

/** The shape of the Arabic catalogue with its strings widened: other languages must match it key for key. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ar>;
