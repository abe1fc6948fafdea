import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { builtinTemplatesDir } from '../../package-info.js';
import type { TemplatesArgs } from './templates-args.js';
import { exitCodes, type CliIO } from '../io.js';

/** Every file below a folder, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** What `warta templates` does. */
export const templatesRun = (args: TemplatesArgs, io: CliIO) => {
  const files = filesBelow(builtinTemplatesDir);
  if (args.action === 'list') {
    for (const file of files) io.stdout(`${file}\n`);
    return exitCodes.ok;
  }
  const target = resolve(io.cwd, args.dir);
  const existing = files.filter((file) => existsSync(join(target, file)));
  if (existing.length > 0) {
    io.stderr(
      `warta: ${relative(io.cwd, target) || '.'} already has ${existing.length} of the template files (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', ...' : ''}); nothing was copied, nothing overwritten. Choose another folder or remove them.\n`,
    );
    return exitCodes.findings;
  }
  cpSync(builtinTemplatesDir, target, { recursive: true, errorOnExist: true, force: false });
  io.stdout(
    `copied ${files.length} files to ${relative(io.cwd, target) || '.'}\nEdit them, then render with: warta render --templates ${relative(io.cwd, target) || '.'} (or set templates: in warta.config.yaml)\n`,
  );
  return exitCodes.ok;
};
