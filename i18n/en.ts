import type { Messages } from './types';

export const en: Messages = {
  site: {
    name: 'Midad',
    tagline: 'News in Arabic, written, reviewed and published with care',
    skipToContent: 'Skip to content',
    mainNav: 'Main navigation',
    home: 'Home',
    footer: 'Midad — an Arabic-first newsroom CMS',
  },
  home: {
    title: 'Latest news',
    empty: 'No published stories yet.',
  },
  article: {
    publishedOn: 'Published',
    updatedOn: 'Updated',
    by: 'By',
    section: 'Section',
    tags: 'Tags',
    hijriLabel: 'Hijri',
    gregorianLabel: 'Gregorian',
  },
  errors: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page may have moved, or it is not published yet.',
    backHome: 'Back to the home page',
    unexpectedTitle: 'Something went wrong',
    unexpectedBody: 'This page cannot be shown right now. Please try again shortly.',
    retry: 'Try again',
    codes: {
      CONTENT_INVALID: 'The story body is not valid: it contains elements the editor does not support.',
      CONTENT_TOO_LARGE: 'The story body is larger than the limit (1 MB).',
      CONTENT_TOO_DEEP: 'The story body is nested too deeply.',
      CONTENT_FORBIDDEN_KEY: 'The story body contains keys that are not allowed.',
      CONTENT_BAD_LINK: 'Link not allowed: only http, https, mailto and site-relative links.',
      SLUG_EMPTY: 'No URL could be made from the title; type one by hand.',
      NOT_FOUND: 'The requested item does not exist.',
      DATABASE_LOCKED: 'The database is in use by another process.',
      DATABASE_UNAVAILABLE: 'The database is not answering right now.',
    },
  },
  status: {
    draft: 'Draft',
    in_review: 'In review',
    changes_requested: 'Changes requested',
    approved: 'Approved',
    scheduled: 'Scheduled',
    published: 'Published',
    unpublished: 'Unpublished',
  },
};
