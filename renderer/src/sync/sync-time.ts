/**
 * When a sync finished, in the interface language: date and time, since several syncs happen in a day. The
 * time is this computer's own clock (shown, never used to order changes: docs/ARCHITECTURE.md).
 */
export function syncTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
