import { siteCache } from '@/app/(site)/_lib/data';
import { answerApiCall, preflightAnswer } from '@/lib/server/api/v1/handler';
import { listArticles } from '@/lib/server/api/v1/articles';

// Every answer depends on the caller and the query: read per request, from cached data (docs/api.md).
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => answerApiCall(request, listArticles, { cache: siteCache });
export const HEAD = GET;
export const OPTIONS = preflightAnswer;
