import { describe, expect, it } from 'vitest';
import { logText, runCli, tempFiles } from '../helpers.js';

describe('validate and render agree on duplicate ids', () => {
  const files = {
    'a.md': logText('id: db-outage\ntitle: First\ntype: incident\nstatus: investigating'),
    'b.md': logText('title: Second\ntype: incident\nstatus: investigating\nid: db-outage'),
  };

  it('validate reports the second log at its id: line, and render refuses the same log', async () => {
    const dir = tempFiles(files);
    const validate = await runCli(['validate', '.'], dir);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/^b\.md:5:1 error log\/duplicate-id id "db-outage" is already used by a\.md/m);
    const render = await runCli(['render', '.', '-f', 'html', '-q', '--no-archive'], dir);
    expect(render.code).toBe(1);
    expect(render.stderr).toMatch(/b\.md:5:1 error log\/duplicate-id/);
  });
});
