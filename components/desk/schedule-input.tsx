'use client';

import { useState } from 'react';

/**
 * A local date and time picker that submits the instant in UTC. datetime-local carries no zone;
 * the browser knows the editor's, so the conversion happens here and the server never guesses.
 */
export function ScheduleInput({ label }: { label: string }) {
  const [iso, setIso] = useState('');
  return (
    <label className="block">
      <span className="text-sm font-semibold">{label}</span>
      <input
        type="datetime-local"
        required
        onChange={(event) => {
          const local = new Date(event.target.value);
          setIso(Number.isNaN(local.getTime()) ? '' : local.toISOString());
        }}
        className="block rounded-md border border-rule bg-white p-2"
      />
      <input type="hidden" name="scheduledFor" value={iso} />
    </label>
  );
}
