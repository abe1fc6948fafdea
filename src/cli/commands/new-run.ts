import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { scaffoldLog } from '../../scaffold/scaffold-log.js';
import { loadLocales } from '../../locale/load-locales.js';
import { timezoneProblem } from '../../log/timezone-problem.js';
import { slugify } from '../../log/normalize-log.js';
import { isLogTimeText } from '../../log/parse-log-time.js';
import { builtinTemplatesDir } from '../../package-info.js';
import { WartaError } from '../../errors.js';
import type { NewArgs } from './new-args.js';
import { exitCodes, type CliIO } from '../io.js';
import { parseList } from '../parse-list.js';

export function createLog(args: NewArgs, io: CliIO): number {
  const locales = loadLocales([builtinTemplatesDir]);
  const languages = parseList(args.lang, [...locales.keys()], 'lang');
  if (languages.length === 0) throw new WartaError('usage', '--lang: expected at least one language, e.g. en or id,en');
  const timezone = args.timezone;
  const zoneProblem = timezoneProblem(timezone);
  if (zoneProblem) throw new WartaError('usage', `--timezone: ${zoneProblem}`);
  const title = args.title?.trim() ?? '';
  const rawSlug = args.slug ?? title;
  if (rawSlug.trim() === '') throw new WartaError('usage', 'name the log: warta new <slug>, or give --title "..."');
  const date = args.date ?? new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isLogTimeText(date))
    throw new WartaError('usage', `--date: "${date}" is not a date; expected YYYY-MM-DD`);
  // A slug that already starts with the date is not given it twice.
  const slug = slugify(rawSlug).replace(new RegExp(`^${date}-`), '');
  const humanTitle = title || slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const dir = resolve(io.cwd, args.dir);
  const file = join(dir, `${date}-${slug}.md`);
  const text = scaffoldLog({ type: args.type, languages, title: humanTitle, timezone, date, locales });
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two runs can never overwrite each other's log.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`warta: ${relative(io.cwd, file)} already exists and was not changed; choose another slug or edit that log\n`);
      return exitCodes.findings;
    }
    throw error;
  }
  io.stdout(`${relative(io.cwd, file)}\n`);
  return exitCodes.ok;
}
