import type { OutputFormat } from './output-formats.js';

/** warta's settings after merging defaults, the config file and flags. */
export interface WartaConfig {
  /** The config file these settings came from, if any. */
  file?: string;
  /** Organization shown in headers when a log names none. */
  organization?: string;
  /** Logo as a `data:` URL, ready to embed. */
  logo?: string;
  /** CSS colours by name (accent, ink, muted, ok, warn, bad, info). */
  colors: Record<string, string>;
  /** Paper of the PDFs. */
  paper: { size: string; margin: { top: string; bottom: string; left: string; right: string } };
  /** Languages of logs that list none. */
  languages: string[];
  /** Timezone of logs that name none. */
  timezone: string;
  /** Output folder (absolute). */
  output: string;
  /** The user's templates folders (absolute), overriding the built-in ones. */
  templates: string[];
  /** Documents rendered by default. */
  documents: string[];
  /** Formats rendered by default. */
  formats: OutputFormat[];
  /** From of the notice e-mail; default the organization with noreply@invalid. */
  sender?: string;
}

/** Settings when there is no config file. */
export const defaultConfig: Omit<WartaConfig, 'output'> = {
  colors: {},
  paper: { size: 'A4', margin: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' } },
  languages: ['en'],
  timezone: 'UTC',
  templates: [],
  documents: ['report', 'notice', 'lessons'],
  formats: ['html', 'pdf', 'txt', 'eml'],
};
