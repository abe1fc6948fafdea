import { loadText, logText } from '../helpers.js';

/** An Indonesian-first incident log that uses every key of format v1.1, with English names where they differ. */
export const v11Log = logText(
  `title: { id: Layanan pembayaran terganggu, en: Payment service disrupted }
type: incident
status: resolved
severity: sev2
languages: [id, en]
timezone: Asia/Jakarta
organization: { id: Dinas Komunikasi dan Informatika, en: Communications and Informatics Agency }
author: { id: "Budi Santoso, Kepala TI", en: "Budi Santoso, Head of IT" }
approvers:
  - { id: "Sari Dewi, Direktur", en: "Sari Dewi, Director" }
commander: { id: Rina Wulandari (komandan insiden), en: Rina Wulandari (incident commander) }
responders:
  - { id: Tim Jaringan, en: Network team }
  - Andi Pratama
postmortem_owner: { id: Rina Wulandari, en: Rina Wulandari }
started: 2024-03-05T13:50
detected: 2024-03-05T14:02
mitigated: 2024-03-05T15:20
resolved: 2024-03-05T16:42
decision:
  outcome: rollback
  at: 2024-03-05T15:14
  by: { id: Komandan insiden, en: Incident commander }
  rationale: { id: Versi lama sudah teruji., en: The old version was proven. }
decisions:
  - at: 2024-03-05T14:31
    decision: { id: Jangan bayar tebusan, en: Do not pay the ransom }
    by: { id: Direksi, en: The board }
    rationale: { id: Cadangan masih utuh., en: The backups were intact. }
impact:
  downtime: PT2H18M
  figures:
    - { label: { id: Transaksi gagal, en: Failed payments }, value: 18400, unit: { id: transaksi, en: payments } }
    - { label: { id: Porsi permintaan gagal, en: Share of failed requests }, value: 31.5, unit: '%' }
actions:
  - title: { id: Pasang alarm latensi, en: Add a latency alert }
    owner: { id: Tim SRE, en: SRE team }
    type: detect
    link: JIRA-123
    due: 2024-03-08
    done: 2024-03-07
  - title: { id: Perbaiki pipeline, en: Fix the pipeline }
    owner: Andi Pratama
    type: prevent
    link: "https://tracker.example/browse/OPS-7"
    due: 2024-03-10
    status: in-progress
  - title: { id: Kembalikan semua layanan, en: Roll back every service }
    type: mitigate
    link: "javascript:alert(1)"
    due: 2024-03-09
    status: wont-do
  - title: { id: Tulis runbook, en: Write the runbook }
    type: process
    due: 2024-03-09
    status: open
updated: 2024-03-15T10:00`,
  `## Ringkasan

Pembayaran kartu gagal.

## Summary

Card payments failed.

## Kronologi

- 2024-03-05 13:50 — Rilis selesai.
- 14:31 — Keputusan: jangan bayar tebusan.
- 15:14 — Keputusan: rollback.
- 16:42 — Selesai.

## Timeline

- 2024-03-05 13:50 — Release finished.
- 14:31 — Decision: do not pay the ransom.
- 15:14 — Decision: roll back.
- 16:42 — Resolved.

## Pemicu

Rilis **v4.18.0**.

## Trigger

Release **v4.18.0**.

## Akar masalah

Nilai bawaan berubah.

## Root cause

A default changed.

## Deteksi

Alarm 504 berbunyi.

## Detection

The 504 alert fired.

## Pemulihan

Rollback ke v4.17.2.

## Resolution

Rolled back to v4.17.2.
`,
);

export const loadV11 = () => {
  const result = loadText(v11Log, '2024-03-05-pembayaran.md');
  if (!result.log) throw new Error(JSON.stringify(result.findings));
  return { log: result.log, findings: result.findings };
};
