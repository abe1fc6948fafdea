/**
 * Logs that stress the pages where the bundled samples never go: a two-week incident told in days,
 * a 78-minute rollback, twenty events in ten minutes, an incident still going on, a 200-character
 * title, and a notice whose contacts block lands near the end of page one. Each has Indonesian and
 * English text, so both languages are drawn and printed.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A two-week incident (ransomware-like): a clocked first day, then one line per day, decided on a day. */
function fourteenDays(): string {
  const daysId = [
    'Cadangan mulai dipulihkan untuk sistem inti',
    'Layanan teller pulih di 40 cabang',
    'Keputusan: tidak membayar tebusan; pemulihan dari cadangan',
    'ATM pulih bertahap',
    'Aplikasi mobile dibuka untuk 10% nasabah',
    'Aplikasi mobile dibuka untuk semua nasabah',
    'Audit forensik dimulai',
    'Transfer antarbank pulih',
    'Laporan awal ke regulator',
    'Layanan kartu kredit pulih',
    'Semua cabang buka normal',
    'Pemantauan intensif berakhir',
    'Insiden dinyatakan selesai',
  ];
  const daysEn = [
    'Restoration from backups starts for the core systems',
    'Teller services back at 40 branches',
    'Decision: do not pay the ransom; restore from backups',
    'ATMs recover step by step',
    'Mobile app opened to 10% of customers',
    'Mobile app opened to all customers',
    'Forensic audit starts',
    'Interbank transfers back',
    'First report to the regulator',
    'Credit card services back',
    'All branches open as usual',
    'Close monitoring ends',
    'Incident declared over',
  ];
  const date = (i: number) => new Date(Date.UTC(2022, 2, 26 + i)).toISOString().slice(0, 10);
  const id = daysId.map((t, i) => `- ${date(i)} — ${t}`).join('\n');
  const en = daysEn.map((t, i) => `- ${date(i)} — ${t}`).join('\n');
  return `---
title:
  id: Layanan perbankan terganggu dua minggu akibat ransomware
  en: Banking services disrupted for two weeks by ransomware
type: incident
status: resolved
severity: sev1
languages: [id, en]
timezone: Asia/Jakarta
organization: Bank Contoh
started: 2022-03-25T05:40
detected: 2022-03-25T06:10
resolved: 2022-04-07
decision:
  at: 2022-03-28
  rationale:
    id: Tebusan tidak dibayar; pemulihan dari cadangan.
    en: The ransom was not paid; systems were restored from backups.
contacts:
  id: [Call center 14040]
  en: [Call centre 14040]
---

## Ringkasan

Serangan ransomware melumpuhkan layanan selama dua minggu.

## Summary

A ransomware attack took services down for two weeks.

## Kronologi

- 2022-03-25 06:10 — Nasabah melaporkan aplikasi tidak dapat dibuka
- 07:30 — Tim TI menemukan enkripsi pada server inti
- 09:00 — Semua layanan dihentikan untuk mencegah penyebaran
${id}

## Timeline

- 2022-03-25 06:10 — Customers report the app does not open
- 07:30 — IT finds encrypted files on the core servers
- 09:00 — All services stopped to keep the attack from spreading
${en}
`;
}

/** A change rolled back after 78 minutes; two rows share the decision's minute, only one is the decision. */
function rollback78(): string {
  return `---
title:
  en: Database failover upgrade rolled back after 78 minutes
  id: Upgrade failover basis data dibatalkan setelah 78 menit
type: change
status: rolled-back
languages: [en, id]
timezone: Europe/Amsterdam
organization: Grachtwerk Payments B.V.
window: { start: 2024-06-11T22:00, end: 2024-06-11T23:00, actual_start: 2024-06-11T22:02, actual_end: 2024-06-11T23:20 }
decision:
  outcome: rollback
  at: 2024-06-11T22:51
  rationale:
    en: Replication lag did not recover; rolling back was the only change with a known outcome.
    id: Jeda replikasi tidak pulih; membatalkan adalah satu-satunya langkah yang hasilnya pasti.
rescheduled: none
contacts:
  en: [Support, support@grachtwerk.example]
  id: [Dukungan, support@grachtwerk.example]
---

## Summary

The upgrade was rolled back after 78 minutes.

## Ringkasan

Upgrade dibatalkan setelah 78 menit.

## Timeline

- 2024-06-11 22:02 — Work starts; traffic drained from the primary.
- 22:09 — Upgrade package installed on the replica.
- 22:18 — Failover to the replica.
- 22:31 — Replication lag rises to 40 s.
- 22:44 — Lag still 38 s; the team weighs a rollback.
- 22:51 — Decision: roll back.
- 22:51 — Status page updated.
- 23:05 — Rollback finished; the old primary serves traffic.
- 23:20 — Checks green; work closed.

## Kronologi

- 2024-06-11 22:02 — Pekerjaan dimulai; trafik dialihkan dari primary.
- 22:09 — Paket upgrade terpasang di replica.
- 22:18 — Failover ke replica.
- 22:31 — Jeda replikasi naik ke 40 detik.
- 22:44 — Jeda masih 38 detik; tim menimbang pembatalan.
- 22:51 — Keputusan: dibatalkan.
- 22:51 — Halaman status diperbarui.
- 23:05 — Pembatalan selesai; primary lama melayani trafik.
- 23:20 — Pemeriksaan hijau; pekerjaan ditutup.
`;
}

/** Twenty events within ten minutes, inside an incident of forty. */
function twentyInTen(): string {
  const line = (i: number, id: boolean) => {
    const seconds = i * 30;
    const time = `10:${pad(2 + Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
    return `- ${i === 0 ? '2024-09-03 ' : ''}${time} — ${id ? `Alarm ${i + 1} dari klaster penyimpanan` : `Alert ${i + 1} from the storage cluster`}`;
  };
  const list = (id: boolean) =>
    [
      `- 2024-09-03 09:58 — ${id ? 'Deploy konfigurasi baru' : 'New configuration deployed'}`,
      ...Array.from({ length: 20 }, (_, i) => line(i, id).replace('2024-09-03 ', '')),
      `- 10:25 — ${id ? 'Konfigurasi dikembalikan' : 'Configuration reverted'}`,
      `- 10:40 — ${id ? 'Layanan normal' : 'Service back to normal'}`,
    ].join('\n');
  return `---
title:
  en: Storage alerts storm after a configuration push
  id: Badai alarm penyimpanan setelah perubahan konfigurasi
type: incident
status: resolved
severity: sev3
languages: [en, id]
timezone: UTC
detected: 2024-09-03T10:02
mitigated: 2024-09-03T10:25
resolved: 2024-09-03T10:40
---

## Summary

Twenty alerts fired within ten minutes.

## Ringkasan

Dua puluh alarm dalam sepuluh menit.

## Timeline

${list(false)}

## Kronologi

${list(true)}
`;
}

/** An incident still being investigated: no resolution yet. */
function ongoing(): string {
  return `---
title:
  id: Login aplikasi gagal untuk sebagian pengguna
  en: App sign-in failing for some users
type: incident
status: investigating
severity: sev2
languages: [id, en]
timezone: Asia/Jakarta
detected: 2024-11-20T08:15
contacts:
  id: [Helpdesk, ext. 1100]
  en: [Helpdesk, ext. 1100]
---

## Ringkasan

Sebagian pengguna tidak dapat masuk ke aplikasi.

## Summary

Some users cannot sign in to the app.

## Kronologi

- 2024-11-20 08:15 — Laporan pertama dari pengguna
- 08:40 — Tim identitas mulai menyelidiki
- 09:30 — Penyebab dipersempit ke penyedia SSO
- 11:05 — Penyedia SSO mengonfirmasi gangguan

## Timeline

- 2024-11-20 08:15 — First user reports
- 08:40 — Identity team starts investigating
- 09:30 — Cause narrowed to the SSO provider
- 11:05 — SSO provider confirms an outage
`;
}

/** A title of 200 characters, and an organization long enough to share the running header with it. */
export const longTitle = {
  en: 'Scheduled maintenance of the core banking platform, the payment gateway, the card authorisation hosts and the customer relationship database in the primary and secondary data centres, over 2 weekends.',
  id: 'Pemeliharaan terjadwal platform core banking, payment gateway, host otorisasi kartu dan basis data hubungan nasabah di pusat data utama dan cadangan, yang dibagi dalam dua akhir pekan, berturut-turut.',
};

function longTitleLog(): string {
  return `---
title:
  en: ${longTitle.en}
  id: ${longTitle.id}
type: maintenance
status: completed
languages: [en, id]
timezone: Asia/Jakarta
organization: PT Bank Pembangunan Daerah Contoh Sejahtera Tbk
window: { start: 2024-02-03T22:00, end: 2024-02-04T06:00, actual_start: 2024-02-03T22:00, actual_end: 2024-02-04T05:10 }
contacts:
  en: [Helpdesk, ext. 1100]
  id: [Helpdesk, ext. 1100]
---

## Summary

The maintenance finished on time. See status.example.com for details, or write to \`helpdesk@example.com\`.
The driver file \`C-0000123*.sys\` and the key \`payment-gateway.timeout-ms\` were changed.

## Ringkasan

Pemeliharaan selesai tepat waktu. Lihat status.example.com untuk rinciannya.
Berkas driver \`C-0000123*.sys\` dan kunci \`payment-gateway.timeout-ms\` diubah.

## Timeline

- 2024-02-03 22:00 — Work starts.
- 2024-02-04 05:10 — Work done.

## Kronologi

- 2024-02-03 22:00 — Pekerjaan dimulai.
- 2024-02-04 05:10 — Pekerjaan selesai.
`;
}

/**
 * A notice whose announcement moves its contacts block down page one: `paragraphs` one-line
 * paragraphs (about 23 pt each) and a last paragraph of `lines` more lines (about 15 pt each), so a
 * sweep over both puts the block at every height near the end of the page.
 */
export function fullNotice(paragraphs: number, lines = 0): string {
  const point = (i: number, id: boolean) =>
    id ? `Butir ${i + 1}: layanan tidak tersedia.` : `Point ${i + 1}: the service is unavailable.`;
  const sentence = (id: boolean) =>
    id
      ? 'Transaksi terjadwal tetap diproses setelah layanan kembali, tanpa perlu diulang oleh nasabah sendiri.'
      : 'Scheduled transactions are processed once the service is back, without customers having to repeat them.';
  const body = (id: boolean) =>
    [...Array.from({ length: paragraphs }, (_, i) => point(i, id)), Array.from({ length: lines + 1 }, () => sentence(id)).join(' ')].join(
      '\n\n',
    );
  return `---
title:
  en: Internet banking maintenance
  id: Pemeliharaan internet banking
type: maintenance
status: scheduled
languages: [en, id]
timezone: Asia/Jakarta
window: { start: 2024-08-17T22:00, end: 2024-08-18T04:00 }
contacts:
  en:
    - Call centre 1500 888 (24 hours)
    - Email care@bank.example
    - Status page status.bank.example
  id:
    - Call center 1500 888 (24 jam)
    - Email care@bank.example
    - Halaman status status.bank.example
---

## Announcement

${body(false)}

## Pengumuman

${body(true)}
`;
}

/** The stress logs by file name. */
export function stressLogs(): Record<string, string> {
  return {
    'fourteen-days.md': fourteenDays(),
    'rollback-78-minutes.md': rollback78(),
    'twenty-in-ten-minutes.md': twentyInTen(),
    'ongoing-incident.md': ongoing(),
    'long-title.md': longTitleLog(),
  };
}
