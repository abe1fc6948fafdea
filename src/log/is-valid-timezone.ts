const known = new Map<string, boolean>();

/** True when Intl knows the IANA timezone name (e.g. `Asia/Jakarta`, `UTC`); remembered, since asking Intl is slow. */
export function isValidTimezone(zone: string): boolean {
  let valid = known.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (known.size < 1000) known.set(zone, valid);
  }
  return valid;
}
