import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewSession, type PreviewSession } from './preview-session.js';

let session: PreviewSession;

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `/../`). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(session.base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  session = await startPreviewSession();
}, 60_000);

afterAll(async () => {
  await session.stop();
});

describe('warta preview (in-process)', () => {
  it('serves the archive and the documents on 127.0.0.1 with the live-reload script allowed by its CSP', async () => {
    const index = await fetch(session.base);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toContain('Card payments timing out after payment-api release v4.18.0');
    expect(html).toContain("new EventSource('/__warta/events')");
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+'/);
    expect(csp).toContain("connect-src 'self'");
    expect(html).toContain(`content="${csp}"`);
    const report = await fetch(`${session.base}2024-03-05-payment-api-outage/report.en.html`);
    expect(report.status).toBe(200);
    const incidentPage = await fetch(`${session.base}2024-03-05-payment-api-outage/`);
    expect(await incidentPage.text()).toContain('<h1 lang="en">Card payments timing out');
    const atom = await fetch(`${session.base}notices.atom`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(await atom.text()).not.toContain('EventSource');
  });

  it('never serves outside the output folder, nor to another host', async () => {
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/%2E%2E%2F%2E%2E%2Fpackage.json']) {
      const response = await rawGet(path);
      expect([403, 404], path).toContain(response.status);
      expect(response.body).not.toContain('"name": "warta"');
    }
    expect((await fetch(`${session.base}..%2f..%2fpackage.json`)).status).toBe(403);
    expect((await rawGet('/index.html', { Host: 'evil.example:80' })).status).toBe(403);
    expect((await rawGet('/nope.html')).status).toBe(404);
    expect((await fetch(session.base, { method: 'POST' })).status).toBe(405);
  });

  it('stops when its signal aborts', async () => {
    expect(await session.stop()).toBe(0);
    expect(session.output.stdout).toContain('preview stopped');
    await expect(fetch(session.base)).rejects.toThrow();
  });
});
