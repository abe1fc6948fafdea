import { zoneAbbreviations } from '../locale/zone-names.js';
import { isValidTimezone } from './is-valid-timezone.js';

/** The IANA areas a canonical zone name starts with. */
const areas = new Set(['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific']);

/** Old names that Intl still accepts, with the name IANA uses now. */
const renamed: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Australia/ACT': 'Australia/Sydney',
  'Australia/NSW': 'Australia/Sydney',
};

/** The canonical name Intl gives a zone it knows under another name (`US/Pacific` → America/Los_Angeles). */
function canonicalOf(name: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    return renamed[resolved] ?? resolved;
  } catch {
    return undefined;
  }
}

/**
 * Why a `timezone:` value is not a canonical IANA zone name (`Asia/Jakarta`, `UTC`), with the names
 * to write instead; undefined when it is one. Abbreviations (WIB, PST, BST) and legacy aliases
 * (US/Pacific, EST, Asia/Calcutta) are refused: Intl reads some of them as another zone (BST as
 * Dhaka, EST without daylight saving), which would put every time of the log in the wrong place.
 */
export function timezoneProblem(name: string): string | undefined {
  if (name === 'UTC' || name === 'Etc/UTC') return undefined;
  const upper = name.toUpperCase();
  const meanings = zoneAbbreviations[upper];
  if (meanings) {
    const zones = [...new Set(meanings.map((m) => m.zone))];
    return `"${name}" is an abbreviation, not a zone; expected ${zones.length > 1 ? `one of ${zones.join(', ')} (it has several meanings)` : zones[0]}`;
  }
  if (renamed[name]) return `"${name}" is an old name; expected ${renamed[name]}`;
  const area = name.split('/')[0] ?? '';
  if (areas.has(area) && isValidTimezone(name)) return undefined;
  if (name === 'Etc/GMT' || name === 'GMT' || name === 'Z') return `"${name}" is a spelling of UTC; expected UTC`;
  const canonical = isValidTimezone(name) ? canonicalOf(name) : undefined;
  if (canonical && canonical !== name && areas.has(canonical.split('/')[0] ?? ''))
    return `"${name}" is a legacy alias; expected ${canonical}`;
  if (/^Etc\/GMT[+-]\d+$/.test(name))
    return `"${name}" is a fixed offset with its sign reversed; expected the IANA name of a city in that zone, such as Asia/Jakarta`;
  return `"${name}" is not an IANA timezone name; expected one such as Asia/Jakarta, Europe/London or America/New_York`;
}
