import { siteCache } from '@/app/(site)/_lib/data';
import { answerApiCall, preflightAnswer } from '@/lib/server/api/v1/handler';
import { listSectionsAnswer } from '@/lib/server/api/v1/directory';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => answerApiCall(request, listSectionsAnswer, { cache: siteCache });
export const HEAD = GET;
export const OPTIONS = preflightAnswer;
