import { siteCache } from '@/app/(site)/_lib/data';
import { answerApiCall, preflightAnswer } from '@/lib/server/api/v1/handler';
import { openApiAnswer } from '@/lib/server/api/v1/openapi';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => answerApiCall(request, openApiAnswer, { cache: siteCache });
export const HEAD = GET;
export const OPTIONS = preflightAnswer;
