import { z } from 'zod';
import { describe } from '../log/front-matter-schema.js';

const say = (expected: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing; expected ${expected}` : `found ${describe(issue.input)}; expected ${expected}`,
});

const length = z
  .string(say('a CSS length such as 20mm, 0.75in or 1.5cm'))
  .regex(/^\d+(\.\d+)?(mm|cm|in|px|pt)$/, say('a CSS length such as 20mm, 0.75in or 1.5cm'));
const color = z
  .string(say('a colour such as "#1f4e79"'))
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, say('a colour such as "#1f4e79" (quote it in YAML)'));
const languageCode = z
  .string(say('a language code such as en'))
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, say('a language code such as en or id'));

/** Paper sizes Chromium prints. */
export const paperSizes = ['A4', 'A5', 'A3', 'Letter', 'Legal', 'Tabloid'] as const;

/** The schema of `warta.config.yaml`. */
export const configSchema = z.strictObject(
  {
    organization: z.string(say('text')).min(1).optional().meta({ description: 'Organization shown in headers when a log names none.' }),
    logo: z
      .string(say('a path to a PNG, JPEG or SVG file'))
      .min(1)
      .optional()
      .meta({ description: 'Logo for the documents, relative to the config file.' }),
    colors: z
      .strictObject(
        {
          accent: color.optional(),
          ink: color.optional(),
          muted: color.optional(),
          ok: color.optional(),
          warn: color.optional(),
          bad: color.optional(),
          info: color.optional(),
        },
        say('a map of colours: accent, ink, muted, ok, warn, bad, info'),
      )
      .optional()
      .meta({ description: 'Colours of the documents.' }),
    paper: z
      .strictObject(
        {
          size: z.enum(paperSizes, say(`one of ${paperSizes.join(', ')}`)).optional(),
          margin: z
            .strictObject(
              { top: length.optional(), bottom: length.optional(), left: length.optional(), right: length.optional() },
              say('a map {top, bottom, left, right}'),
            )
            .optional(),
        },
        say('a map {size, margin}'),
      )
      .optional()
      .meta({ description: 'Paper size and margins of the PDFs.' }),
    languages: z
      .array(languageCode, say('a list of language codes'))
      .min(1)
      .optional()
      .meta({ description: 'Languages of logs that list none.' }),
    timezone: z.string(say('an IANA timezone such as Asia/Jakarta')).optional().meta({ description: 'Timezone of logs that name none.' }),
    output: z.string(say('a folder')).min(1).optional().meta({ description: 'Output folder, relative to the config file.' }),
    templates: z
      .string(say('a folder'))
      .min(1)
      .optional()
      .meta({ description: 'Your templates folder, relative to the config file; it overrides built-in templates by name.' }),
    documents: z
      .array(z.string(say('a document name')).min(1), say('a list such as [report, notice]'))
      .min(1)
      .optional()
      .meta({ description: 'Documents rendered by default.' }),
    sender: z
      .string(say('an e-mail sender such as "IT Helpdesk <helpdesk@example.com>"'))
      .regex(
        /^(?:[^<>\r\n"]{1,80} <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        say('an e-mail sender such as "IT Helpdesk <helpdesk@example.com>"'),
      )
      .optional()
      .meta({ description: 'From of the notice e-mail (notice.eml).' }),
    formats: z
      .array(z.enum(['html', 'pdf', 'txt', 'eml'], say('one of html, pdf, txt, eml')), say('a list such as [html, pdf]'))
      .min(1)
      .optional()
      .meta({ description: 'Formats rendered by default.' }),
  },
  say('a map of settings'),
);

/** `warta.config.yaml` as the schema accepts it. */
export type ConfigFile = z.infer<typeof configSchema>;
