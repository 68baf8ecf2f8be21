import { siteCache } from '@/app/(site)/_lib/data';
import { answerApiCall, preflightAnswer } from '@/lib/server/api/v1/handler';
import { getArticle } from '@/lib/server/api/v1/articles';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return answerApiCall(request, (call) => getArticle(call, slug), { cache: siteCache });
}
export const HEAD = GET;
export const OPTIONS = preflightAnswer;
