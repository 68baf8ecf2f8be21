import autocannon from 'autocannon';
import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { slugify } from '../lib/arabic/slug';
import { articlePath } from '../lib/seo/paths';
import { changeAndWatch, pressWorkflow, resubmitAndApprove, WORKFLOW, type PublicChange } from '../scripts/bench/desk-flow';
import { expect, test } from './fixtures';
import { unique } from './support';

/** Anonymous readers' connections, each sending its next request as soon as the last is answered. */
const READERS = 16;
/** DESIGN §8: publishing and unpublishing refresh the affected public pages within one second. */
const REFRESH_BOUND_MS = 1000;

test('readers under load get every page while stories are published and unpublished, and each change is public within a second', async ({ baseURL, createDraft, editorPage: editor, adminPage: admin }) => {
  // Six workflow changes under sixteen readers: minutes on a busy 2-core machine. Every step waits
  // for a state (a button gone, a reader's answer); this is only the bound for a hang.
  test.setTimeout(300_000);
  // Two stories of this test's own: the editor writes and submits them, the admin approves them.
  const stories = [];
  for (const n of [1, 2]) {
    const draft = await createDraft({ title: unique(`خبر يُنشر تحت الحمل ${n}`), section: 'سياسة', paragraphs: ['نص قصير يُنشر ثم يُلغى نشره بينما يقرأ القراء خبراً آخر.'] });
    await editor.goto(draft.deskPath);
    await pressWorkflow(editor, WORKFLOW.submit);
    stories.push({ title: draft.title, deskUrl: draft.deskPath, url: new URL(draft.publicPath, baseURL).toString() });
  }
  // The editor's tab is done: it stays out of the readers' way.
  await editor.context().close();
  for (const story of stories) {
    await admin.goto(story.deskUrl);
    await pressWorkflow(admin, WORKFLOW.approve);
    expect((await fetch(story.url)).status, story.title).toBe(404);
  }

  const readerUrl = new URL(articlePath(slugify(fixture.title)), baseURL).toString();
  expect((await fetch(readerUrl)).status).toBe(200);
  // Read until stopped below, however long the changes take.
  const readers = autocannon({ url: readerUrl, connections: READERS, duration: 3600 });

  // Publish and unpublish three times while the readers read: story 1, story 2, story 1 again
  // (which goes back through review first). Every story ends unpublished.
  const changes: (PublicChange & { title: string })[] = [];
  try {
    for (const [round, story] of [stories[0]!, stories[1]!, stories[0]!].entries()) {
      await admin.goto(story.deskUrl);
      if (round === 2) await resubmitAndApprove(admin);
      changes.push({ title: story.title, ...(await changeAndWatch(admin, 'publish', story.url, story.title)) });
      changes.push({ title: story.title, ...(await changeAndWatch(admin, 'unpublish', story.url, story.title)) });
    }
  } finally {
    readers.stop();
  }
  const read = await readers;
  await admin.context().close();

  const summary = [
    `readers: ${read.requests.total} requests at ${Math.round(read.requests.average)}/s, p99 ${read.latency.p99} ms; ` +
      `errors ${read.errors}, timeouts ${read.timeouts}, non-2xx ${read.non2xx}`,
    ...changes.map(
      (c) =>
        `${c.action}: desk confirmed after ${Math.round(c.pressToConfirmMs)} ms; public after ${c.pressToVisibleMs === null ? '—' : Math.round(c.pressToVisibleMs)} ms ` +
        `(${c.confirmToVisibleMs === null ? 'never' : Math.round(c.confirmToVisibleMs)} ms after the confirmation)`,
    ),
  ];
  test.info().annotations.push({ type: 'load with writes', description: summary.join('\n') });
  console.log(summary.join('\n'));

  expect(read.requests.total).toBeGreaterThan(0);
  expect({ errors: read.errors, timeouts: read.timeouts, non2xx: read.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
  expect(changes).toHaveLength(6);
  for (const change of changes) {
    expect(change.confirmToVisibleMs, `${change.action} of ${change.title}`).not.toBeNull();
    expect(change.confirmToVisibleMs!, `${change.action} of ${change.title}`).toBeLessThanOrEqual(REFRESH_BOUND_MS);
  }
});
