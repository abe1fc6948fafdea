import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchiveTemplates } from '../../src/archive/archive-templates.js';
import { tempDir } from '../helpers.js';

describe('archive templates', () => {
  it('name the file and line of a syntax error in a user archive template before anything is written', () => {
    const dir = tempDir('warta-archive-tpl-');
    mkdirSync(join(dir, 'archive'), { recursive: true });
    writeFileSync(join(dir, 'archive', 'index.hbs'), '<h1>{{title}}</h1>\n<p>{{#if x}}open\n{{/each}}</p>\n');
    expect(() => loadArchiveTemplates([dir])).toThrow(
      new RegExp(`${join(dir, 'archive', 'index.hbs').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: template error`),
    );
  });
});
