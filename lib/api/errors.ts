import { format, getMessages, type Locale } from '../../i18n';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '../search/query';

/*
 * The content API's error codes (/api/v1, docs/api.md): stable names a client can branch on, each
 * with its HTTP status and a translated sentence (i18n `api.errors`). The codes of refused keys and
 * rate limits (401, 429) come from the caller check (lib/server/api/client.ts).
 */

export const API_ERROR_STATUS = {
  UNKNOWN_PARAMETER: 400,
  REPEATED_PARAMETER: 400,
  INVALID_CHARACTERS: 400,
  INVALID_PAGE: 400,
  INVALID_PER_PAGE: 400,
  INVALID_SECTION: 400,
  INVALID_TAG: 400,
  INVALID_AUTHOR: 400,
  INVALID_UPDATED_SINCE: 400,
  INVALID_QUERY: 400,
  QUERY_NOT_COMBINABLE: 400,
  PAGE_TOO_DEEP: 400,
  ARTICLE_NOT_FOUND: 404,
  NOT_FOUND: 404,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

/** A refusal: the code, the parameter it concerns if any, and the values its sentence names. */
export interface ApiProblem {
  code: ApiErrorCode;
  parameter?: string;
  values?: Record<string, string | number>;
}

export interface ApiErrorBody {
  error: { code: string; message: string; parameter?: string };
}

/** Why the search refused `q`, in the sentence the site's search page shows for it. */
const SEARCH_REFUSALS = { empty: 0, tooLong: MAX_QUERY_CHARS, noTerms: 0, tooManyTerms: MAX_QUERY_TERMS } as const;

export function apiErrorBody(problem: ApiProblem, locale: Locale): ApiErrorBody {
  const messages = getMessages(locale);
  const values: Record<string, string | number> = { ...(problem.parameter ? { parameter: problem.parameter } : {}), ...problem.values };
  const reason = values.reason;
  if (typeof reason === 'string' && Object.hasOwn(SEARCH_REFUSALS, reason)) {
    const key = reason as keyof typeof SEARCH_REFUSALS;
    values.reason = format(messages.search.refused[key], { max: SEARCH_REFUSALS[key] });
  }
  const message = format(messages.api.errors[problem.code], values);
  return { error: { code: problem.code, message, ...(problem.parameter ? { parameter: problem.parameter } : {}) } };
}
