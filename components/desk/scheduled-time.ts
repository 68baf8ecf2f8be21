/**
 * The time a schedule entry set (its `at`, an ISO instant); null for any other entry, or an `at`
 * that is not such an instant.
 */
export function scheduledTimeOf(entry: { kind: string; details: Record<string, unknown> }): Date | null {
  if (entry.kind !== 'story.scheduled' || typeof entry.details.at !== 'string') return null;
  const due = new Date(entry.details.at);
  return Number.isNaN(due.getTime()) ? null : due;
}
