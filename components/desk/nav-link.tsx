'use client';

import Link, { useLinkStatus } from 'next/link';

/** A mark beside a link whose page is on its way (the desk renders each page whole). */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span aria-hidden="true" className="ms-1 inline-block animate-pulse">
      …
    </span>
  ) : null;
}

/** A desk link that shows, once pressed, that its page is loading. */
export function NavLink({ href, className, prefetch, children }: { href: string; className?: string; prefetch?: boolean; children: React.ReactNode }) {
  return (
    <Link href={href} className={className} prefetch={prefetch}>
      {children}
      <Pending />
    </Link>
  );
}
