/**
 * Batch isolation to the end (issue 15, item 6): each archive page and export is written on its
 * own, so one that fails (an `<id>` folder that is a link, a view or an export that throws) is
 * reported and every other one is written; and stale `.partial` files that a killed write left
 * anywhere under the output folder, its root included, are removed when the next run starts.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderLogs, type RenderOptions } from '../../src/batch/render-logs.js';
import { tempDir } from '../helpers.js';

const failing = vi.hoisted(() => ({ incident: undefined as string | undefined, atom: false }));

vi.mock('../../src/archive/incident-view.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/archive/incident-view.js')>();
  return {
    ...real,
    buildIncidentView: (...args: Parameters<typeof real.buildIncidentView>) => {
      if (args[0].log.id === failing.incident) throw new Error('the incident view broke');
      return real.buildIncidentView(...args);
    },
  };
});
vi.mock('../../src/archive/notices-atom.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/archive/notices-atom.js')>();
  return {
    ...real,
    noticesAtom: (...args: Parameters<typeof real.noticesAtom>) => {
      if (failing.atom) throw new Error('the feed broke');
      return real.noticesAtom(...args);
    },
  };
});

afterEach(() => {
  failing.incident = undefined;
  failing.atom = false;
});

const root = resolve(import.meta.dirname, '../..');
const ids = ['2015-12-11-vcenter-upgrade-postponed', '2024-03-05-payment-api-outage', '2025-06-14-storage-firmware-maintenance'];
const archiveFiles = ['index.html', 'actions.html', 'lessons.html', 'incidents.json', 'actions.csv', 'notices.atom'];

function setup() {
  const dir = tempDir('warta-isolation-');
  for (const id of ids) cpSync(join(root, 'incidents', `${id}.md`), join(dir, `${id}.md`));
  const out = join(dir, 'out');
  const options: RenderOptions = {
    files: ids.map((id) => join(dir, `${id}.md`)),
    outDir: out,
    formats: ['html'],
    docs: ['report', 'notice', 'lessons'],
    now: Date.UTC(2026, 0, 1),
    archive: { sourceRoot: dir },
    lockWaitMs: 0,
  };
  return { dir, out, options };
}

/** Every archive file of the run, written by it (its content names every incident where it lists them). */
function expectArchiveWritten(written: readonly string[], out: string, except: readonly string[]) {
  for (const name of [...archiveFiles, ...ids.map((id) => `${id}/index.html`)]) {
    if (except.includes(name)) continue;
    expect(written, name).toContain(join(out, name));
    expect(existsSync(join(out, name)), name).toBe(true);
  }
  const incidents = JSON.parse(readFileSync(join(out, 'incidents.json'), 'utf8')) as { incidents: { id: string }[] };
  expect(incidents.incidents.map((i) => i.id).sort()).toEqual(ids);
}

describe('archive: one failing page does not stop the others', () => {
  for (const id of ids) {
    it(`an <id> folder that is a link (${id}) fails only its own page`, async () => {
      const { dir, out, options } = setup();
      await renderLogs(options);
      // The folder becomes a link to a copy elsewhere: warta never writes through a link inside --out.
      const elsewhere = join(dir, 'elsewhere');
      cpSync(join(out, id), elsewhere, { recursive: true });
      rmSync(join(elsewhere, 'index.html'));
      rmSync(join(out, id), { recursive: true });
      symlinkSync(elsewhere, join(out, id));
      rmSync(join(out, 'incidents.json'));
      rmSync(join(out, 'notices.atom'));

      const summary = await renderLogs(options);
      const failedPaths = summary.failed.map((f) => f.path);
      expect(failedPaths).toContain(join(out, id, 'index.html'));
      expect(summary.failed.find((f) => f.path === join(out, id, 'index.html'))?.reason).toMatch(/symbolic link/);
      expectArchiveWritten(summary.written, out, [`${id}/index.html`]);
      expect(existsSync(join(elsewhere, 'index.html'))).toBe(false);
    });
  }

  it('a view that throws fails only its page; the other incident pages and every export are written', async () => {
    const { out, options } = setup();
    failing.incident = ids[1];
    const summary = await renderLogs(options);
    expect(summary.failed).toEqual([
      { file: out, path: join(out, ids[1] as string, 'index.html'), reason: expect.stringContaining('the incident view broke') as string },
    ]);
    expectArchiveWritten(summary.written, out, [`${ids[1]}/index.html`]);
  });

  it('an export that throws fails only itself', async () => {
    const { out, options } = setup();
    failing.atom = true;
    const summary = await renderLogs(options);
    expect(summary.failed.map((f) => f.path)).toEqual([join(out, 'notices.atom')]);
    expect(summary.failed[0]?.reason).toContain('the feed broke');
    expectArchiveWritten(summary.written, out, ['notices.atom']);
  });
});

describe('stale .partial files', () => {
  it('are removed anywhere under the output folder when a run starts, root included; links are not followed', async () => {
    const { dir, out, options } = setup();
    await renderLogs(options);
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const kept = join(outside, 'index.html.4242.0123abcd.partial');
    writeFileSync(kept, 'not in the output folder');
    symlinkSync(outside, join(out, 'linked'));
    mkdirSync(join(out, 'deep', 'er'), { recursive: true });
    const stale = [
      join(out, 'index.html.4242.0123abcd.partial'),
      join(out, 'incidents.json.77.ffffffff.partial'),
      join(out, ids[0] as string, 'report.en.html.4242.89abcdef.partial'),
      join(out, 'deep', 'er', 'notice.pdf.1.00000000.partial'),
    ];
    for (const path of stale) writeFileSync(path, 'half a file');
    // Not a name warta gives its temporary files: left alone.
    const foreign = join(out, 'notes.partial');
    writeFileSync(foreign, 'mine');

    await renderLogs({ ...options, formats: ['txt'] });
    for (const path of stale) expect(existsSync(path), path).toBe(false);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
  });
});
