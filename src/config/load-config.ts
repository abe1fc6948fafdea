import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { timezoneProblem } from '../log/timezone-problem.js';
import { parseFrontMatter } from '../log/parse-front-matter.js';
import { positionOf } from '../log/position-of.js';
import type { Finding } from '../log/types.js';
import { configSchema } from './config-schema.js';
import { defaultConfig, type WartaConfig } from './types.js';

/** Names a config file may have, looked for in the working folder and each folder above it. */
export const configFileNames = ['warta.config.yaml', 'warta.config.yml'];

/** The merged settings, and what was wrong with the config file. */
export interface LoadedConfig {
  config: WartaConfig;
  findings: Finding[];
}

/** The nearest config file from `cwd` upwards, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of configFileNames) if (existsSync(join(dir, name))) return join(dir, name);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/**
 * Reads `warta.config.yaml` (the one named, else the nearest from `cwd` up) and merges it over the
 * defaults. Problems come back as findings with file, line and column, like a log's; with errors,
 * the defaults are used for the keys at fault.
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  const base: WartaConfig = { ...defaultConfig, output: resolve(cwd, 'output') };
  if (!file) return { config: base, findings: [] };
  const findings: Finding[] = [];
  const error = (line: number, column: number, rule: string, message: string) =>
    findings.push({ file, line, column, severity: 'error', rule, message });
  if (!existsSync(file)) {
    error(1, 1, 'config/missing', `config file not found; expected a YAML file such as ${configFileNames[0]}`);
    return { config: base, findings };
  }
  // The same YAML reader as logs: YAML 1.2, no code, no alias bombs, and positions for findings.
  const parsed = parseFrontMatter(readFileSync(file, 'utf8'));
  for (const f of parsed.findings) findings.push({ file, ...f, rule: f.rule.replace(/^yaml/, 'config') });
  if (parsed.findings.length > 0) return { config: base, findings };
  const data = parsed.data ?? {};
  const result = configSchema.safeParse(data, { reportInput: true });
  const at = (path: readonly PropertyKey[]) => positionOf(parsed.doc, parsed.lineCounter, path);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const where = at(issue.path);
      const name = issue.path.join('.') || 'config';
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key(s) ${issue.keys.join(', ')}; expected ${Object.keys(configSchema.shape).join(', ')}`
          : `${name}: ${issue.message}`;
      error(where.line, where.column, `config/${String(issue.path[0] ?? 'shape')}`, message);
    }
    return { config: base, findings: findings.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const value = result.data;
  const dir = dirname(file);
  const config: WartaConfig = {
    ...base,
    file,
    organization: value.organization,
    colors: { ...value.colors },
    paper: { size: value.paper?.size ?? base.paper.size, margin: { ...base.paper.margin, ...value.paper?.margin } },
    languages: value.languages ?? base.languages,
    timezone: value.timezone ?? base.timezone,
    output: value.output ? resolve(dir, value.output) : base.output,
    templates: value.templates ? [resolve(dir, value.templates)] : [],
    documents: value.documents ?? base.documents,
    formats: value.formats ?? base.formats,
    sender: value.sender,
  };
  const zoneProblem = value.timezone ? timezoneProblem(value.timezone) : undefined;
  if (zoneProblem) {
    const where = at(['timezone']);
    error(where.line, where.column, 'config/timezone', `timezone: ${zoneProblem}`);
    config.timezone = base.timezone;
  }
  if (value.templates && !existsSync(config.templates[0] as string)) {
    const where = at(['templates']);
    error(
      where.line,
      where.column,
      'config/templates',
      `templates: folder ${config.templates[0]} does not exist; expected a folder of templates (see "warta templates eject")`,
    );
    config.templates = [];
  }
  if (value.logo) {
    const logo = resolve(dir, value.logo);
    const type = imageTypes[extname(logo).toLowerCase()];
    const where = at(['logo']);
    if (!type) error(where.line, where.column, 'config/logo', `logo: "${value.logo}" is not a PNG, JPEG, WebP or SVG file`);
    else if (!existsSync(logo)) error(where.line, where.column, 'config/logo', `logo: file ${logo} does not exist`);
    else config.logo = `data:${type};base64,${readFileSync(logo).toString('base64')}`;
  }
  return { config, findings: findings.sort((a, b) => a.line - b.line || a.column - b.column) };
}
