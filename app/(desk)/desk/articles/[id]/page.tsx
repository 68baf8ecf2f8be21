import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleForm } from '@/components/desk/article-form';
import { CommentThread } from '@/components/desk/comment-thread';
import { DeskTime } from '@/components/desk/desk-time';
import { Timeline } from '@/components/desk/timeline';
import { BreakingPanel } from '@/components/desk/breaking-panel';
import { EmbargoPanel } from '@/components/desk/embargo-panel';
import { PreviewLinksPanel } from '@/components/desk/preview-links-panel';
import { WorkflowPanel } from '@/components/desk/workflow-panel';
import { WordDiff } from '@/components/diff/word-diff';
import { changeAuthorIds, findEditableArticle, findMediaPreview, findRevision, lastReviewedRevisionNumber, listComments, listEvents, listSectionsForDesk } from '@/db/queries/desk';
import { listPreviewLinks } from '@/db/queries/preview-links';
import { getSiteSettings } from '@/db/queries/settings';
import { format, getMessages } from '@/i18n';
import { renderStoredBody } from '@/lib/content/render';
import { documentToText } from '@/lib/content/text';
import { deskFormatter } from '@/lib/format/formatter';
import { can, canEditArticle } from '@/lib/permissions';
import { articlePath } from '@/lib/seo/paths';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { availableActions, PENDING_EDIT_STATES } from '@/lib/workflow/transitions';
import { DEFAULT_BREAKING_MS } from '@/lib/server/articles/set-breaking';
import { isPreviewable, isReleased } from '@/lib/workflow/visibility';
import { addCommentAction, breakingAction, createPreviewLinkAction, embargoAction, resolveCommentAction, revokePreviewLinkAction, transitionAction } from '../actions';
import { articleFormActions } from '../form-actions';

type Props = { params: Promise<{ id: string }> };

export default async function ArticlePage({ params }: Props) {
  const user = await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  const article = await findEditableArticle(Number((await params).id));
  if (!article) notFound();

  const [sections, events, comments, lastReviewed, featuredImage, storedRevision, settings, changeAuthors, previewLinks] = await Promise.all([
    listSectionsForDesk(),
    listEvents(article.id),
    listComments(article.id),
    can(user.role, 'article.review') ? lastReviewedRevisionNumber(article.id, user.id) : Promise.resolve(null),
    findMediaPreview(article.revision.featuredMediaId),
    findRevision(article.id, article.revision.number),
    getSiteSettings(),
    changeAuthorIds(article.id),
    can(user.role, 'article.preview_link') ? listPreviewLinks(article.id) : Promise.resolve([]),
  ]);
  const dates = deskFormatter(locale, settings);
  // A stored body the content schema no longer accepts arrives as its plain text (findEditableArticle),
  // so the editor never opens it empty and no autosave stores an empty body over it.
  const storedBody = { articleId: article.id, revisionId: article.revision.id, body: article.revision.body, bodyText: storedRevision?.bodyText ?? '' };
  const body = { document: article.revision.body, fallback: article.revision.bodyFallback };
  const editable = canEditArticle(user.role, article.status);
  const actions = availableActions({
    role: user.role,
    actorId: user.id,
    status: article.status,
    changeAuthorIds: changeAuthors,
    live: isReleased(article, new Date()),
    now: new Date(),
  });
  const takedownKeepsEdit = actions.includes('unpublish') && (PENDING_EDIT_STATES as readonly string[]).includes(article.status);
  const reviewing = can(user.role, 'article.review') && article.status === 'in_review';
  const embargoed = article.underEmbargo && article.embargoUntil !== null;
  const reviewedBefore = lastReviewed !== null && lastReviewed !== article.revision.number ? await findRevision(article.id, lastReviewed) : null;
  const currentText = `${article.revision.title}\n${article.revision.summary}\n${documentToText(body.document)}`;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-6">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="rounded bg-rule px-2 py-0.5">
            <span className="sr-only">{t.workflow.status}: </span>
            {t.status[article.status]}
            {embargoed && (
              <>
                {' · '}
                {t.workflow.embargo.current} <DeskTime date={article.embargoUntil!} dates={dates} />
              </>
            )}
          </span>
          {article.live && <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">{t.workflow.live}</span>}
          {article.live && article.breakingUntil && (
            <span className="rounded bg-accent px-2 py-0.5 font-semibold text-white">
              {t.workflow.breaking.heading} · <DeskTime date={article.breakingUntil} dates={dates} />
            </span>
          )}
          {article.status === 'scheduled' && article.scheduledFor && (
            <span>
              {t.workflow.scheduledFor}: <DeskTime date={article.scheduledFor} dates={dates} />
            </span>
          )}
          <span className="text-muted">{format(t.workflow.revision, { number: article.revision.number })}</span>
          <Link href={`/desk/articles/${article.id}/history`} className="text-accent underline">
            {t.articleForm.history}
          </Link>
          <Link href={`/desk/articles/${article.id}/preview`} className="text-accent underline">
            {t.workflow.preview}
          </Link>
          {article.live && (
            <Link href={articlePath(article.slug)} prefetch={false} className="text-accent underline">
              {t.articleForm.viewPublic}
            </Link>
          )}
        </div>

        {reviewing && (
          <section aria-labelledby="preview" className="rounded-md border border-rule bg-white p-5">
            <h2 id="preview" className="text-sm font-semibold text-muted">
              {t.workflow.preview}
            </h2>
            <h3 dir="auto" className="mt-3 font-serif text-3xl leading-relaxed font-bold">
              {article.revision.title}
            </h3>
            {article.revision.summary && (
              <p dir="auto" className="mt-2 text-lg leading-9 text-muted">
                {article.revision.summary}
              </p>
            )}
            <div className="prose-article mt-6" dir="rtl" dangerouslySetInnerHTML={{ __html: renderStoredBody(storedBody, { embedCard: { providers: t.embeds.providers } }).html }} />
          </section>
        )}

        {body.fallback && (
          <p className="rounded-md border border-accent bg-white p-3 text-sm">
            {t.workflow.bodyFallback}
          </p>
        )}

        <ArticleForm
          articleId={article.id}
          version={article.version}
          initialFields={{
            title: article.revision.title,
            summary: article.revision.summary,
            byline: article.revision.byline,
            sectionId: article.sectionId,
            tags: article.tags,
            slug: article.slug,
          }}
          initialBody={body.document}
          featuredMediaId={article.revision.featuredMediaId}
          featuredImage={featuredImage}
          sections={sections}
          locale={locale}
          userId={user.id}
          editable={editable}
          dateSettings={settings}
          actions={articleFormActions}
        />
      </div>

      <aside className="space-y-8">
        <WorkflowPanel
          articleId={article.id}
          version={article.version}
          actions={actions}
          locale={locale}
          dateSettings={settings}
          takedownKeepsEdit={takedownKeepsEdit}
          publicUrl={decodeURI(articlePath(article.slug))}
          offerPublicNote={actions.includes('publish') && isReleased(article, new Date())}
          transition={transitionAction}
        />
        {article.live && can(user.role, 'article.breaking') && (
          <BreakingPanel
            articleId={article.id}
            breakingUntil={article.breakingUntil}
            defaultUntil={new Date(Math.ceil((new Date().getTime() + DEFAULT_BREAKING_MS) / 60_000) * 60_000)}
            locale={locale}
            dateSettings={settings}
            breaking={breakingAction}
          />
        )}
        {can(user.role, 'article.embargo') && (
          <EmbargoPanel
            articleId={article.id}
            version={article.version}
            embargoUntil={embargoed ? article.embargoUntil : null}
            locale={locale}
            dateSettings={settings}
            embargo={embargoAction}
          />
        )}
        {can(user.role, 'article.preview_link') && (
          <PreviewLinksPanel
            articleId={article.id}
            previewable={isPreviewable(article)}
            embargoed={embargoed}
            links={previewLinks}
            now={new Date()}
            locale={locale}
            dates={dates}
            actions={{ create: createPreviewLinkAction, revoke: revokePreviewLinkAction }}
          />
        )}
        {reviewing && (
          <section aria-labelledby="since">
            <h2 id="since" className="font-bold">
              {reviewedBefore ? format(t.workflow.changesSince, { number: reviewedBefore.number }) : t.workflow.noPriorReview}
            </h2>
            {reviewedBefore && (
              <WordDiff
                before={`${reviewedBefore.title}\n${reviewedBefore.summary}\n${reviewedBefore.bodyText}`}
                after={currentText}
                locale={locale}
                className="mt-2 max-h-96 overflow-auto rounded border border-rule bg-white p-2 text-sm"
              />
            )}
          </section>
        )}
        <section aria-labelledby="comments">
          <h2 id="comments" className="mb-3 font-bold">
            {t.workflow.comments}
          </h2>
          <CommentThread articleId={article.id} comments={comments} locale={locale} dates={dates} actions={{ add: addCommentAction, resolve: resolveCommentAction }} />
        </section>
        <section aria-labelledby="timeline">
          <h2 id="timeline" className="mb-3 font-bold">
            {t.workflow.timeline}
          </h2>
          <Timeline events={events} locale={locale} dates={dates} />
        </section>
      </aside>
    </div>
  );
}
