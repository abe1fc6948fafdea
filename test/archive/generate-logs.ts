import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32), so every run generates the same archive. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const systems = [
  'Payment API',
  'Checkout',
  'Mail server',
  'Archive server',
  'vCenter Server',
  'ERP',
  'File server',
  'VPN gateway',
  'Core switch',
  'SAN-01',
  'Backup server',
  'Identity provider',
  'DNS',
  'Load balancer',
  'Data warehouse',
  'CRM',
  'Intranet',
  'Ticketing',
  'Monitoring',
  'Message queue',
  'Search cluster',
  'Object storage',
  'Build pipeline',
  'Wi-Fi',
];
const tags = [
  'backup',
  'database',
  'network',
  'storage',
  'deployment',
  'certificate',
  'dns',
  'capacity',
  'config',
  'vendor',
  'monitoring',
  'security',
  'firmware',
  'rollback',
  'migration',
  'change-management',
  'power',
  'cooling',
  'patching',
  'identity',
  'email',
  'latency',
  'disk-full',
  'replication',
  'runbook',
  'on-call',
  'communication',
  'testing',
];
const words = [
  'replication lag grew until the standby refused writes',
  'a certificate expired on the load balancer',
  'the nightly backup overlapped with the batch import',
  'a configuration change was applied to every node at once',
  'disk usage crossed ninety percent without an alert',
  'the vendor firmware had a known defect',
  'failover took longer than the runbook assumed',
  'the change window was too short for the data volume',
  'monitoring paged the wrong rotation',
  'a schema migration locked the orders table',
];
const lessons = [
  'Rehearse restores, not only backups.',
  'Alert on trends before thresholds.',
  'Agree go/no-go checkpoints before the window.',
  'Roll out configuration in stages with a canary.',
  'Keep runbooks next to the dashboards they need.',
  'Measure how long large copies take before scheduling them.',
];
const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved', 'resolved', 'resolved'];
const changeStatuses = ['scheduled', 'in-progress', 'completed', 'completed', 'postponed', 'rolled-back', 'cancelled'];

/**
 * Writes `n` varied, valid synthetic logs into `dir` (incidents, changes and maintenance; every
 * status; severities; 1–3 systems and 1–4 tags from shared pools so groups recur; one or two
 * languages; dates spread over 2022–2024; summaries, contributing factors, lessons and actions)
 * and returns their file paths. Deterministic for a given `n` and `seed`.
 */
export function generateLogs(n: number, dir: string, seed = 42): string[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(rnd() * (max - min + 1));
    return [...new Set(Array.from({ length: count }, () => pick(list)))];
  };
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  for (let i = 0; i < n; i++) {
    const type = rnd() < 0.6 ? 'incident' : rnd() < 0.6 ? 'change' : 'maintenance';
    const when = new Date(start + Math.floor(rnd() * span));
    const day = when.toISOString().slice(0, 10);
    const hour = String(8 + Math.floor(rnd() * 12)).padStart(2, '0');
    const bilingual = rnd() < 0.35;
    const languages = bilingual ? ['id', 'en'] : ['en'];
    const system = some(systems, 1, 3);
    const cause = pick(words);
    const id = `${day}-gen-${String(i).padStart(4, '0')}`;
    const titleEn = `${type === 'incident' ? 'Outage of' : type === 'change' ? 'Change to' : 'Maintenance of'} ${system[0]} #${i}`;
    const lines = [
      '---',
      `id: ${id}`,
      bilingual ? `title:\n  id: "Gangguan ${system[0]} #${i}"\n  en: "${titleEn}"` : `title: "${titleEn}"`,
      `type: ${type}`,
      `status: ${type === 'incident' ? pick(incidentStatuses) : pick(changeStatuses)}`,
      ...(type === 'incident' || rnd() < 0.3 ? [`severity: sev${1 + Math.floor(rnd() * 4)}`] : []),
      `languages: [${languages.join(', ')}]`,
      'timezone: Asia/Jakarta',
      `organization: Example Org ${i % 3}`,
      `systems: [${system.map((s) => JSON.stringify(s)).join(', ')}]`,
      type === 'incident'
        ? `detected: ${day}T${hour}:05\nresolved: ${day}T${hour}:55`
        : `window: { start: ${day}T${hour}:00, end: ${day}T${hour}:45 }`,
      'actions:',
      ...some(lessons, 1, 2).flatMap((title, k) => [
        `  - title: ${JSON.stringify(title)}`,
        `    owner: Owner ${(i + k) % 7}`,
        `    due: ${new Date(when.getTime() + (10 + k * 20) * 86400000).toISOString().slice(0, 10)}`,
        `    status: ${rnd() < 0.5 ? 'open' : 'done'}`,
        `    priority: ${pick(['high', 'medium', 'low'])}`,
      ]),
      `tags: [${some(tags, 1, 4).join(', ')}]`,
      '---',
      '',
    ];
    for (const lang of languages) {
      const en = lang === 'en';
      lines.push(
        en ? '## Summary' : '## Ringkasan',
        '',
        `${en ? 'On' : 'Pada'} ${day} ${cause}; ${system.join(', ')} ${en ? 'was affected for about' : 'terdampak sekitar'} ${10 + Math.floor(rnd() * 170)} ${en ? 'minutes' : 'menit'}.`,
        '',
      );
      if (rnd() < 0.8) {
        lines.push(en ? '## Contributing factors' : '## Faktor penyebab', '', `- ${cause}.`, `- ${pick(words)}.`, '');
        lines.push(en ? '## What went wrong' : '## Yang tidak berjalan baik', '', `- ${pick(words)}.`, '');
        lines.push(en ? '## Lessons learned' : '## Pelajaran', '', ...some(lessons, 1, 3).map((l) => `- ${l}`), '');
      }
    }
    const file = join(dir, `${id}.md`);
    writeFileSync(file, lines.join('\n'));
    files.push(file);
  }
  return files;
}
