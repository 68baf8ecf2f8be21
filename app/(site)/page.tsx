import { connection } from 'next/server';
import { StoryList } from '@/components/site/story-list';
import { listPublishedStories } from '@/db/queries/public';
import { getMessages } from '@/i18n';

export default async function HomePage() {
  // Read at request time: the build never opens the database.
  await connection();
  const t = getMessages().home;
  const stories = await listPublishedStories({ limit: 20 });
  return (
    <section aria-labelledby="latest">
      <h1 id="latest" className="text-xl font-bold">
        {t.title}
      </h1>
      {stories.length === 0 ? <p className="mt-6 text-muted">{t.empty}</p> : <StoryList stories={stories} />}
    </section>
  );
}
