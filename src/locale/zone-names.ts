import { cachedDateFormat } from './cached-date-format.js';

/**
 * Time-zone abbreviations as people write them after a time (`10:15 PDT`, `19:00 WIB`), each with
 * the fixed offset it stands for and the IANA zone it is usually said of. An abbreviation with
 * several meanings lists each one: it is read only when the log's own zone settles which.
 */
export interface ZoneAbbreviation {
  /** Minutes east of UTC. */
  offset: number;
  /** The IANA zone whose readers use this abbreviation. */
  zone: string;
  /** What it is called, for messages. */
  name: string;
}

const h = (hours: number, minutes = 0) => hours * 60 + Math.sign(hours || 1) * minutes;

/** Every abbreviation warta reads, by its upper-case spelling; two or more entries mean it is ambiguous. */
export const zoneAbbreviations: Readonly<Record<string, readonly ZoneAbbreviation[]>> = {
  UTC: [{ offset: 0, zone: 'UTC', name: 'Coordinated Universal Time' }],
  GMT: [{ offset: 0, zone: 'Europe/London', name: 'Greenwich Mean Time' }],
  Z: [{ offset: 0, zone: 'UTC', name: 'UTC (Zulu)' }],
  WIB: [{ offset: h(7), zone: 'Asia/Jakarta', name: 'Western Indonesia Time' }],
  WITA: [{ offset: h(8), zone: 'Asia/Makassar', name: 'Central Indonesia Time' }],
  WIT: [{ offset: h(9), zone: 'Asia/Jayapura', name: 'Eastern Indonesia Time' }],
  SGT: [{ offset: h(8), zone: 'Asia/Singapore', name: 'Singapore Time' }],
  MYT: [{ offset: h(8), zone: 'Asia/Kuala_Lumpur', name: 'Malaysia Time' }],
  PHT: [{ offset: h(8), zone: 'Asia/Manila', name: 'Philippine Time' }],
  HKT: [{ offset: h(8), zone: 'Asia/Hong_Kong', name: 'Hong Kong Time' }],
  ICT: [{ offset: h(7), zone: 'Asia/Bangkok', name: 'Indochina Time' }],
  JST: [{ offset: h(9), zone: 'Asia/Tokyo', name: 'Japan Standard Time' }],
  KST: [{ offset: h(9), zone: 'Asia/Seoul', name: 'Korea Standard Time' }],
  PKT: [{ offset: h(5), zone: 'Asia/Karachi', name: 'Pakistan Standard Time' }],
  NPT: [{ offset: h(5, 45), zone: 'Asia/Kathmandu', name: 'Nepal Time' }],
  AEST: [{ offset: h(10), zone: 'Australia/Sydney', name: 'Australian Eastern Standard Time' }],
  AEDT: [{ offset: h(11), zone: 'Australia/Sydney', name: 'Australian Eastern Daylight Time' }],
  ACST: [{ offset: h(9, 30), zone: 'Australia/Adelaide', name: 'Australian Central Standard Time' }],
  ACDT: [{ offset: h(10, 30), zone: 'Australia/Adelaide', name: 'Australian Central Daylight Time' }],
  AWST: [{ offset: h(8), zone: 'Australia/Perth', name: 'Australian Western Standard Time' }],
  NZST: [{ offset: h(12), zone: 'Pacific/Auckland', name: 'New Zealand Standard Time' }],
  NZDT: [{ offset: h(13), zone: 'Pacific/Auckland', name: 'New Zealand Daylight Time' }],
  WET: [{ offset: 0, zone: 'Europe/Lisbon', name: 'Western European Time' }],
  WEST: [{ offset: h(1), zone: 'Europe/Lisbon', name: 'Western European Summer Time' }],
  CET: [{ offset: h(1), zone: 'Europe/Paris', name: 'Central European Time' }],
  CEST: [{ offset: h(2), zone: 'Europe/Paris', name: 'Central European Summer Time' }],
  EET: [{ offset: h(2), zone: 'Europe/Athens', name: 'Eastern European Time' }],
  EEST: [{ offset: h(3), zone: 'Europe/Athens', name: 'Eastern European Summer Time' }],
  MSK: [{ offset: h(3), zone: 'Europe/Moscow', name: 'Moscow Time' }],
  SAST: [{ offset: h(2), zone: 'Africa/Johannesburg', name: 'South Africa Standard Time' }],
  WAT: [{ offset: h(1), zone: 'Africa/Lagos', name: 'West Africa Time' }],
  EAT: [{ offset: h(3), zone: 'Africa/Nairobi', name: 'East Africa Time' }],
  BRT: [{ offset: h(-3), zone: 'America/Sao_Paulo', name: 'Brasília Time' }],
  PST: [{ offset: h(-8), zone: 'America/Los_Angeles', name: 'Pacific Standard Time' }],
  PDT: [{ offset: h(-7), zone: 'America/Los_Angeles', name: 'Pacific Daylight Time' }],
  MST: [{ offset: h(-7), zone: 'America/Denver', name: 'Mountain Standard Time' }],
  MDT: [{ offset: h(-6), zone: 'America/Denver', name: 'Mountain Daylight Time' }],
  AKST: [{ offset: h(-9), zone: 'America/Anchorage', name: 'Alaska Standard Time' }],
  AKDT: [{ offset: h(-8), zone: 'America/Anchorage', name: 'Alaska Daylight Time' }],
  HST: [{ offset: h(-10), zone: 'Pacific/Honolulu', name: 'Hawaii Standard Time' }],
  EST: [
    { offset: h(-5), zone: 'America/New_York', name: 'US Eastern Standard Time' },
    { offset: h(10), zone: 'Australia/Sydney', name: 'Australian Eastern Standard Time (old spelling)' },
  ],
  EDT: [
    { offset: h(-4), zone: 'America/New_York', name: 'US Eastern Daylight Time' },
    { offset: h(11), zone: 'Australia/Sydney', name: 'Australian Eastern Daylight Time (old spelling)' },
  ],
  CST: [
    { offset: h(-6), zone: 'America/Chicago', name: 'US Central Standard Time' },
    { offset: h(8), zone: 'Asia/Shanghai', name: 'China Standard Time' },
    { offset: h(-5), zone: 'America/Havana', name: 'Cuba Standard Time' },
  ],
  CDT: [
    { offset: h(-5), zone: 'America/Chicago', name: 'US Central Daylight Time' },
    { offset: h(-4), zone: 'America/Havana', name: 'Cuba Daylight Time' },
  ],
  IST: [
    { offset: h(5, 30), zone: 'Asia/Kolkata', name: 'India Standard Time' },
    { offset: h(1), zone: 'Europe/Dublin', name: 'Irish Standard Time' },
    { offset: h(2), zone: 'Asia/Jerusalem', name: 'Israel Standard Time' },
  ],
  BST: [
    { offset: h(1), zone: 'Europe/London', name: 'British Summer Time' },
    { offset: h(6), zone: 'Asia/Dhaka', name: 'Bangladesh Standard Time' },
  ],
  AST: [
    { offset: h(-4), zone: 'America/Halifax', name: 'Atlantic Standard Time' },
    { offset: h(3), zone: 'Asia/Riyadh', name: 'Arabia Standard Time' },
  ],
  GST: [
    { offset: h(4), zone: 'Asia/Dubai', name: 'Gulf Standard Time' },
    { offset: h(-2), zone: 'Atlantic/South_Georgia', name: 'South Georgia Time' },
  ],
};

/**
 * What readers call a zone, standard and summer time, where Intl's English names are only
 * `GMT+9`: the common zones of Asia, Africa and South America. Others come from Intl.
 */
const namesByZone: Readonly<Record<string, readonly [string, string?]>> = {
  UTC: ['UTC'],
  'Etc/UTC': ['UTC'],
  'Asia/Jakarta': ['WIB'],
  'Asia/Pontianak': ['WIB'],
  'Asia/Makassar': ['WITA'],
  'Asia/Jayapura': ['WIT'],
  'Asia/Singapore': ['SGT'],
  'Asia/Kuala_Lumpur': ['MYT'],
  'Asia/Manila': ['PHT'],
  'Asia/Hong_Kong': ['HKT'],
  'Asia/Bangkok': ['ICT'],
  'Asia/Ho_Chi_Minh': ['ICT'],
  'Asia/Tokyo': ['JST'],
  'Asia/Seoul': ['KST'],
  'Asia/Shanghai': ['CST'],
  'Asia/Taipei': ['CST'],
  'Asia/Kolkata': ['IST'],
  'Asia/Calcutta': ['IST'],
  'Asia/Karachi': ['PKT'],
  'Asia/Dhaka': ['BST'],
  'Asia/Kathmandu': ['NPT'],
  'Asia/Dubai': ['GST'],
  'Asia/Riyadh': ['AST'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Europe/Moscow': ['MSK'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/London': ['GMT', 'BST'],
  'Africa/Johannesburg': ['SAST'],
  'Africa/Lagos': ['WAT'],
  'Africa/Nairobi': ['EAT'],
  'America/Sao_Paulo': ['BRT'],
  'Pacific/Auckland': ['NZST', 'NZDT'],
};

/** English locales whose Intl names are the ones their readers use (PST, CET, AEST, IST …), tried in turn. */
const englishLocales = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-SG', 'en-ZA', 'en-CA'];

/**
 * The wall-clock time of a zone at an instant, written as if it were a UTC instant (milliseconds
 * kept): `wallClockAt(z, t) - t` is the zone's offset at `t`.
 */
export function wallClockAt(zone: string, epoch: number): number {
  const parts = cachedDateFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const ms = ((epoch % 1000) + 1000) % 1000;
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) + ms;
}

/** Minutes east of UTC of a zone at an instant. */
export function offsetAt(zone: string, epoch: number): number {
  return Math.round((wallClockAt(zone, epoch) - epoch) / 60_000);
}

/** True when `offset`, the zone's offset at the instant, is its summer (daylight saving) time. */
function isSummerTime(zone: string, epoch: number, offset: number): boolean {
  const year = new Date(epoch).getUTCFullYear();
  const standard = Math.min(offsetAt(zone, Date.UTC(year, 0, 1)), offsetAt(zone, Date.UTC(year, 6, 1)));
  return offset > standard;
}

/** `GMT+7`, `GMT-3:30`, `GMT` for an offset in minutes. */
export function gmtName(offset: number): string {
  if (offset === 0) return 'GMT';
  const sign = offset > 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  return `GMT${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

const nameCache = new Map<string, string>();

/**
 * The abbreviation readers use for a zone at an instant, the same in every language: `WIB`,
 * `PST`/`PDT`, `CET`/`CEST`, `GMT`/`BST`, `AEST`/`AEDT`, `IST`, `SGT`, `JST` …; `GMT+x` only where
 * no name exists. Across a change to or from summer time each instant gets its own.
 */
export function zoneName(zone: string, epoch: number): string {
  const offset = offsetAt(zone, epoch);
  const key = `${zone}|${offset}`;
  const cached = nameCache.get(key);
  if (cached) return cached;
  const summer = isSummerTime(zone, epoch, offset);
  const own = namesByZone[zone];
  let name = own ? ((summer ? own[1] : undefined) ?? own[0]) : undefined;
  if (!name) {
    for (const intl of englishLocales) {
      const part = cachedDateFormat(intl, { timeZone: zone, timeZoneName: 'short' })
        .formatToParts(new Date(epoch))
        .find((p) => p.type === 'timeZoneName')?.value;
      if (part && /^[A-Z]{2,5}$/.test(part) && part !== 'GMT') {
        name = part;
        break;
      }
    }
  }
  name ??= gmtName(offset);
  if (nameCache.size < 10_000) nameCache.set(key, name);
  return name;
}
