/** A duration in milliseconds the way people read it: "2 d 4 h", "3 h 20 min", "45 s"; an em dash when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) {
    return '—';
  }
  if (ms < 60_000) {
    return `${Math.round(ms / 1000)} s`;
  }
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (hours > 0) {
    return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${rest} min`;
}

/** A share (0..1) as a percentage with one decimal. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** Hours with one decimal, the unit the duration charts plot. */
export function toHours(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.round(ms / 360_000) / 10;
}
