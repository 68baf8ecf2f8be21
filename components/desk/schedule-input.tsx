/**
 * The publication time of a schedule, typed in the site's time zone. The field posts the wall time
 * as typed ("2026-12-02T14:05"); the server reads it in the site's zone (scheduledInstant), so the
 * editor's own browser zone never shifts it. The zone is named beside the field, and an error
 * about it is tied to the field too.
 */
export function ScheduleInput({ id, label, zoneHint }: { id: string; label: string; zoneHint: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        name="scheduledFor"
        required
        aria-describedby={`${id}-zone scheduledFor-error`}
        className="block rounded-md border border-rule bg-white p-2"
      />
      <span id={`${id}-zone`} className="block text-xs text-muted">
        {zoneHint}
      </span>
    </div>
  );
}
