/** `warta preview <file>`: the archive of a folder is left alone, and `/` lists the previewed documents. */
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';
import { root } from '../archive/sample-archive.js';
import { runCli, tempDir } from '../helpers.js';

describe('warta preview of one file', () => {
  it('never shrinks the archive that a render of the folder built', async () => {
    const cwd = tempDir('warta-preview-file-');
    cpSync(join(root, 'incidents'), join(cwd, 'incidents'), { recursive: true });
    expect((await runCli(['render', 'incidents', '-o', 'site', '-f', 'html', '-q'], cwd)).code).toBe(0);
    const before = ['index.html', 'incidents.json'].map((name) => readFileSync(join(cwd, 'site', name), 'utf8'));
    const mtimes = ['index.html', 'incidents.json'].map((name) => statSync(join(cwd, 'site', name)).mtimeMs);
    expect((JSON.parse(before[1] as string) as { incidents: unknown[] }).incidents).toHaveLength(3);

    const output = { stdout: '', stderr: '' };
    const abort = new AbortController();
    const io: CliIO = { stdout: (t) => (output.stdout += t), stderr: (t) => (output.stderr += t), cwd, signal: abort.signal };
    const running = main(['preview', 'incidents/2024-03-05-payment-api-outage.md', '--out', 'site', '--port', '0'], io);
    let base: string | undefined;
    for (let i = 0; i < 200 && !base; i++) {
      base = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1];
      if (!base) await new Promise((r) => setTimeout(r, 100));
    }
    try {
      expect(base, output.stderr).toBeDefined();
      const listing = await (await fetch(base as string)).text();
      expect(listing).toContain('incidents/2024-03-05-payment-api-outage.md');
      expect(listing).toContain('href="2024-03-05-payment-api-outage/report.en.html"');
      expect(listing).toContain("new EventSource('/__warta/events')");
      expect(listing).not.toContain('2015-12-11-vcenter-upgrade-postponed');
      const after = ['index.html', 'incidents.json'].map((name) => readFileSync(join(cwd, 'site', name), 'utf8'));
      expect(after).toEqual(before);
      expect(['index.html', 'incidents.json'].map((name) => statSync(join(cwd, 'site', name)).mtimeMs)).toEqual(mtimes);
    } finally {
      abort.abort();
      expect(await running).toBe(0);
    }
  }, 60_000);

  it('sends the problems of the last build to the page as they are', async () => {
    const cwd = tempDir('warta-preview-problems-');
    cpSync(join(root, 'incidents', '2024-03-05-payment-api-outage.md'), join(cwd, 'bad.md'));
    const file = join(cwd, 'bad.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^type: .*$/m, 'type: incidnet'));
    const output = { stdout: '', stderr: '' };
    const abort = new AbortController();
    const io: CliIO = { stdout: (t) => (output.stdout += t), stderr: (t) => (output.stderr += t), cwd, signal: abort.signal };
    const running = main(['preview', 'bad.md', '--out', 'site', '--port', '0'], io);
    let base: string | undefined;
    for (let i = 0; i < 200 && !base; i++) {
      base = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1];
      if (!base) await new Promise((r) => setTimeout(r, 100));
    }
    const controller = new AbortController();
    try {
      const events = await fetch(`${base as string}__warta/events`, { signal: controller.signal });
      const reader = (events.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      while (!/event: problems\ndata: .*\n\n/.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the event stream ended before the problems: ${text}`);
        text += new TextDecoder().decode(chunk.value);
      }
      const data = JSON.parse(/event: problems\ndata: (.*)\n/.exec(text)?.[1] as string) as string[];
      expect(data).toHaveLength(1);
      expect(data[0]).toMatch(/^bad\.md:\d+:\d+ front-matter\/type .*incidnet/);
      expect(data[0]).toMatch(/did you mean "incident"/);
    } finally {
      controller.abort();
      abort.abort();
      await running;
    }
  }, 60_000);
});
