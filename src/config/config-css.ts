import type { WartaConfig } from './types.js';

/** The CSS a config adds after the templates' stylesheet: its colours as custom properties, and its paper. */
export function configCss(config: Pick<WartaConfig, 'colors' | 'paper'> | undefined): string {
  if (!config) return '';
  const colors = Object.entries(config.colors ?? {})
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ');
  return `${colors ? `:root { ${colors} }\n` : ''}@page { size: ${config.paper.size}; }`;
}
