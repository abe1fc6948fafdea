/** Output formats: HTML and PDF for every document; plain text and e-mail for the notice. */
export const outputFormats = ['html', 'pdf', 'txt', 'eml'] as const;

/** One of {@link outputFormats}. */
export type OutputFormat = (typeof outputFormats)[number];
