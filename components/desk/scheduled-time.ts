/**
 * The time a schedule event set, which the event keeps as its note (an ISO instant); null for any
 * other event, or a note that is not such an instant.
 */
export function scheduledTimeOf(event: { action: string; note: string | null }): Date | null {
  if (event.action !== 'schedule' || !event.note) return null;
  const due = new Date(event.note);
  return Number.isNaN(due.getTime()) ? null : due;
}
