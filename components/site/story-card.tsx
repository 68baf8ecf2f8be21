import Link from 'next/link';
import type { SiteStory } from '@/db/queries/site-stories';
import { articlePath, mediaPath, sectionPath } from '@/lib/seo/paths';
import { PublicDate, type DateSettings } from './public-date';

type Heading = 'h2' | 'h3';

/**
 * One story in a listing. `lead` is the home page's top story (large, with its image when it has
 * one); `compact` drops the summary for side lists and related stories.
 */
export function StoryCard({
  story,
  settings,
  heading: HeadingTag = 'h2',
  variant = 'default',
  showSection = true,
}: {
  story: SiteStory;
  settings: DateSettings;
  heading?: Heading;
  variant?: 'lead' | 'default' | 'compact';
  showSection?: boolean;
}) {
  const lead = variant === 'lead';
  return (
    <article className={lead ? 'story-card story-card-lead' : 'story-card'}>
      {lead && story.image && (
        // Stored media are already re-encoded at upload and their sizes are known; the image
        // optimiser would add a second copy of every picture for no gain here.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={mediaPath(story.image.storageKey)}
          width={story.image.width}
          height={story.image.height}
          alt={story.image.alt}
          className="mb-4 h-auto w-full rounded-md"
          fetchPriority="high"
        />
      )}
      {showSection && (
        <p className="text-sm font-semibold text-accent">
          <Link href={sectionPath(story.sectionSlug)} className="hover:underline">
            {story.sectionName}
          </Link>
        </p>
      )}
      <HeadingTag
        dir="auto"
        className={
          lead
            ? 'mt-1 font-serif text-3xl leading-[1.6] font-bold text-balance md:text-[2.6rem]'
            : variant === 'compact'
              ? 'mt-1 font-serif text-lg leading-[1.7] font-bold text-balance'
              : 'mt-1 font-serif text-xl leading-[1.7] font-bold text-balance md:text-2xl'
        }
      >
        <Link href={articlePath(story.slug)} className="hover:text-accent hover:underline hover:decoration-1 hover:underline-offset-8">
          {story.title}
        </Link>
      </HeadingTag>
      {variant !== 'compact' && story.summary && (
        <p dir="auto" className={lead ? 'mt-3 text-lg leading-9 text-muted' : 'mt-2 leading-8 text-muted'}>
          {story.summary}
        </p>
      )}
      <p className="mt-2 text-sm text-muted">
        <PublicDate date={story.publishedAt} settings={settings} />
      </p>
    </article>
  );
}

/** A list of story cards separated by rules. */
export function StoryCards({
  stories,
  settings,
  heading = 'h2',
  variant = 'default',
  showSection = true,
}: {
  stories: SiteStory[];
  settings: DateSettings;
  heading?: Heading;
  variant?: 'default' | 'compact';
  showSection?: boolean;
}) {
  return (
    <ol className="divide-y divide-rule">
      {stories.map((story) => (
        <li key={story.id} className={variant === 'compact' ? 'py-4 first:pt-0' : 'py-6 first:pt-0'}>
          <StoryCard story={story} settings={settings} heading={heading} variant={variant} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
