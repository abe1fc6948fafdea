/** True when Intl knows the IANA timezone name (e.g. `Asia/Jakarta`, `UTC`). */
export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
