import type { ArticleFormActions } from '@/components/desk/article-form';
import { checkSlugAction, createArticleAction, heartbeatAction, leaveAction, saveArticleAction } from './actions';

/** The story form's server actions, as both story pages hand them to the form. */
export const articleFormActions: ArticleFormActions = {
  create: createArticleAction,
  save: saveArticleAction,
  checkSlug: checkSlugAction,
  heartbeat: heartbeatAction,
  leave: leaveAction,
};
