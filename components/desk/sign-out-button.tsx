'use client';

import { buttonStyle } from '@/components/ui/styles';
import { clearAllLocalCopies } from './local-copy';

/** Signing out also forgets unsaved copies kept in this browser. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="submit" onClick={clearAllLocalCopies} className={buttonStyle.small}>
      {label}
    </button>
  );
}
