import Link from 'next/link';
import { getMessages } from '@/i18n';

export default function Forbidden() {
  const t = getMessages().desk;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">{t.forbiddenTitle}</h1>
      <p className="mt-4 text-muted">{t.forbiddenBody}</p>
      <Link href="/desk" className="mt-8 inline-block text-accent underline underline-offset-4">
        {t.backToDesk}
      </Link>
    </main>
  );
}
