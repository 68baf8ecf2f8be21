import { receiveTagSuggestions } from '@/lib/server/next/tag-suggestions';

export const dynamic = 'force-dynamic';

/** Existing tags matching what the tag field holds, for the signed-in desk. */
export function POST(request: Request) {
  return receiveTagSuggestions(request);
}
