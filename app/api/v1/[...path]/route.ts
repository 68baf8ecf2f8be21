import { siteCache } from '@/app/(site)/_lib/data';
import { answerApiCall, preflightAnswer } from '@/lib/server/api/v1/handler';
import { unknownPathAnswer } from '@/lib/server/api/v1/openapi';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => answerApiCall(request, unknownPathAnswer, { cache: siteCache });
export const HEAD = GET;
export const OPTIONS = preflightAnswer;
