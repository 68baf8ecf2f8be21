'use client';

import { clearAllLocalCopies } from './local-copy';

/** Signing out also forgets unsaved copies kept in this browser. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="submit" onClick={clearAllLocalCopies} className="rounded-md border border-rule px-3 py-1 hover:bg-rule">
      {label}
    </button>
  );
}
