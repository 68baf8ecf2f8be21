import Link from 'next/link';
import { getMessages } from '@/i18n';

export default function NotFound() {
  const t = getMessages().errors;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-4 text-muted">{t.notFoundBody}</p>
      <Link href="/" className="mt-8 inline-block text-accent underline underline-offset-4">
        {t.backHome}
      </Link>
    </main>
  );
}
