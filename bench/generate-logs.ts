/**
 * Synthetic incident logs for the benchmark: varied, realistic, valid (no findings from
 * `warta validate`), in one or two languages (en, id), of every type, each rendering to documents
 * of one to three pages. Deterministic: log number i depends only on (seed, i), so the first 50 logs
 * of a set of 100 are the 50 logs of a set of 50.
 *
 *   tsx bench/generate-logs.ts --n 20 --out /tmp/logs [--seed 4] [--languages mixed|both|one]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

type Lang = 'en' | 'id';
type L = Record<Lang, string>;
type LogType = 'incident' | 'change' | 'maintenance';

/** Which languages the logs get: a mix of one and two, always both, or always one. */
export type LanguageMix = 'mixed' | 'both' | 'one';

export interface GenerateOptions {
  /** Number of logs. */
  count: number;
  /** Folder to write `NNN-<id>.md` into (created). */
  dir: string;
  seed?: number;
  languages?: LanguageMix;
  /** Also write each log's body (no front matter, a `#` title on top) as plain Markdown here. */
  markdownDir?: string;
}

export interface GeneratedLog {
  file: string;
  /** The plain Markdown file, when markdownDir was given. */
  markdownFile?: string;
  id: string;
  type: LogType;
  languages: Lang[];
  /** PDFs `warta render -f pdf` makes of it with every document: one per document and language, plus the combined notice. */
  pdfs: number;
}

/** Documents warta renders per log: report, notice and lessons per language, and the notice with every language. */
export const documentsPerLog = (languages: number) => 3 * languages + 1;

// --- randomness ----------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  /** n distinct items, in the list's order. */
  some<T>(list: readonly T[], n: number): T[] {
    const idx = list.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx
      .slice(0, Math.min(n, list.length))
      .sort((a, b) => a - b)
      .map((i) => list[i] as T);
  }
}

// --- time: naive local times of the log's timezone, kept as minutes since the epoch ----------------

const minute = 60_000;
const stamp = (t: number) => new Date(t).toISOString().slice(0, 16); // 2024-03-05T14:02
const day = (t: number) => stamp(t).slice(0, 10);
const clock = (t: number) => stamp(t).slice(11, 16);
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthsId = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const daysEn = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const daysId = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const longDate = (t: number): L => {
  const d = new Date(t);
  return {
    en: `${daysEn[d.getUTCDay()]} ${d.getUTCDate()} ${monthsEn[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
    id: `${daysId[d.getUTCDay()]}, ${d.getUTCDate()} ${monthsId[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  };
};
const clockIn = (t: number, lang: Lang) => (lang === 'id' ? clock(t).replace(':', '.') : clock(t));

// --- the world -----------------------------------------------------------------------------------

interface Org {
  name: string;
  domain: string;
  timezone: string;
  zone: string;
  phone: string;
}

const orgs: Org[] = [
  { name: 'PT Contoh Sejahtera', domain: 'contoh-sejahtera.example', timezone: 'Asia/Jakarta', zone: 'WIB', phone: '+62 21 000 1100' },
  { name: 'PT Nusantara Data Prima', domain: 'nusantara-data.example', timezone: 'Asia/Jakarta', zone: 'WIB', phone: '+62 21 000 4400' },
  {
    name: 'PT Contoh Logistik Timur',
    domain: 'contoh-logistik.example',
    timezone: 'Asia/Makassar',
    zone: 'WITA',
    phone: '+62 411 000 2200',
  },
  { name: 'PT Papua Energi Contoh', domain: 'papua-energi.example', timezone: 'Asia/Jayapura', zone: 'WIT', phone: '+62 967 000 310' },
  { name: 'Grachtwerk Payments B.V.', domain: 'grachtwerk.example', timezone: 'Europe/Amsterdam', zone: 'CET', phone: '+31 20 000 1234' },
  {
    name: 'Northwind Freight Ltd',
    domain: 'northwind-freight.example',
    timezone: 'Europe/London',
    zone: 'UK time',
    phone: '+44 20 0000 0456',
  },
  {
    name: 'Lion City Clinics Pte Ltd',
    domain: 'lioncity-clinics.example',
    timezone: 'Asia/Singapore',
    zone: 'SGT',
    phone: '+65 6000 0789',
  },
  { name: 'Koperasi Kopi Kita', domain: 'kopikita.example', timezone: 'Asia/Jakarta', zone: 'WIB', phone: '+62 22 000 7788' },
  { name: 'Helios Cloud Services', domain: 'helios-cloud.example', timezone: 'UTC', zone: 'UTC', phone: '+1 555 0100 200' },
];

const people = [
  'Andi Setiawan',
  'Dewi Lestari',
  'Hendra Gunawan',
  'Ratna Kusumawati',
  'Yusuf Rahman',
  'Rina Wijaya',
  'Fajar Nugroho',
  'Siti Aminah',
  'Budi Santoso',
  'Putri Maharani',
  'Marit Jansen',
  'Joost de Vries',
  'Priya Raman',
  'Lucas Bakker',
  'Sanne Visser',
  'Oliver Hughes',
  'Amelia Clarke',
  'Wei Ling Tan',
  'Arjun Nair',
  'Maria Santos',
];

const teams: L[] = [
  { en: 'Infrastructure', id: 'Infrastruktur' },
  { en: 'Platform', id: 'Platform' },
  { en: 'SRE', id: 'SRE' },
  { en: 'Database team', id: 'Tim database' },
  { en: 'Network team', id: 'Tim jaringan' },
  { en: 'Service Desk', id: 'Service Desk' },
  { en: 'Security', id: 'Keamanan' },
];

const roles: L[] = [
  { en: 'IT Manager', id: 'Manajer TI' },
  { en: 'Head of Infrastructure', id: 'Kepala Infrastruktur' },
  { en: 'Operations Director', id: 'Direktur Operasional' },
  { en: 'VP Engineering', id: 'VP Engineering' },
  { en: 'Chief Information Officer', id: 'Chief Information Officer' },
];

interface Scenario {
  type: LogType;
  slug: string;
  title: L;
  /** The service users notice. */
  service: L;
  systems: { name: L; impact: L }[];
  /** Incidents: what users saw; changes and maintenance: what is done. */
  what: L;
  cause: L;
  fix: L;
  evidence: L;
  /** Work steps of a change or maintenance, or diagnosis steps of an incident. */
  steps: L[];
  /** What went wrong in a change that was postponed or rolled back. */
  problem: L;
}

const sys = (en: string, id: string, impactEn: string, impactId: string) => ({ name: { en, id }, impact: { en: impactEn, id: impactId } });

const scenarios: Scenario[] = [
  {
    type: 'incident',
    slug: 'checkout-timeouts',
    title: { en: 'Checkout API timing out after release {version}', id: 'API checkout mengalami timeout setelah rilis {version}' },
    service: { en: 'online checkout', id: 'checkout online' },
    systems: [
      sys('Checkout API', 'API checkout', 'About a third of requests timed out.', 'Sekitar sepertiga permintaan mengalami timeout.'),
      sys('Order webhooks', 'Webhook pesanan', 'Delivered up to two hours late.', 'Terkirim hingga dua jam terlambat.'),
      sys(
        'Merchant dashboard',
        'Dasbor merchant',
        'Showed some paid orders as failed.',
        'Menampilkan sebagian pesanan lunas sebagai gagal.',
      ),
    ],
    what: { en: 'checkout requests failed or timed out', id: 'permintaan checkout gagal atau timeout' },
    cause: {
      en: 'a library upgrade lowered the database connection pool from 50 to 10 per pod',
      id: 'upgrade library menurunkan connection pool database dari 50 menjadi 10 per pod',
    },
    fix: { en: 'Rollback to the previous release', id: 'Rollback ke rilis sebelumnya' },
    evidence: {
      en: 'connection wait above 20 s while database CPU sits at 30%',
      id: 'waktu tunggu koneksi di atas 20 detik sementara CPU database hanya 30%',
    },
    steps: [
      { en: 'Traffic moved to the secondary region; no improvement.', id: 'Trafik dipindah ke region kedua; tidak ada perbaikan.' },
      { en: 'Upstream payment provider checked; its latency is normal.', id: 'Penyedia pembayaran upstream diperiksa; latensinya normal.' },
      { en: 'Pool size per pod compared with the previous release.', id: 'Ukuran pool per pod dibandingkan dengan rilis sebelumnya.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'incident',
    slug: 'certificate-expired',
    title: {
      en: 'Customer portal unreachable after its TLS certificate expired',
      id: 'Portal pelanggan tidak dapat diakses karena sertifikat TLS kedaluwarsa',
    },
    service: { en: 'the customer portal', id: 'portal pelanggan' },
    systems: [
      sys('Customer portal', 'Portal pelanggan', 'Browsers refused to open it.', 'Browser menolak membukanya.'),
      sys('Mobile app', 'Aplikasi seluler', 'Login failed for all users.', 'Login gagal untuk semua pengguna.'),
    ],
    what: {
      en: 'browsers showed a certificate warning and the mobile app could not log in',
      id: 'browser menampilkan peringatan sertifikat dan aplikasi seluler gagal login',
    },
    cause: {
      en: 'the certificate renewal job had been failing silently for three weeks after a DNS provider change',
      id: 'job perpanjangan sertifikat gagal tanpa peringatan selama tiga minggu setelah pergantian penyedia DNS',
    },
    fix: {
      en: 'A new certificate issued and deployed to the load balancers',
      id: 'Sertifikat baru diterbitkan dan dipasang di load balancer',
    },
    evidence: { en: 'the certificate expired at 00:00 UTC', id: 'sertifikat kedaluwarsa pada pukul 00.00 UTC' },
    steps: [
      {
        en: 'Renewal job logs checked; every run since the DNS change failed.',
        id: 'Log job perpanjangan diperiksa; semua eksekusi sejak pergantian DNS gagal.',
      },
      { en: 'DNS API credentials for the renewal job updated.', id: 'Kredensial API DNS untuk job perpanjangan diperbarui.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'incident',
    slug: 'dns-resolution',
    title: { en: 'Internal DNS failures after a zone update', id: 'Kegagalan DNS internal setelah pembaruan zona' },
    service: { en: 'internal applications', id: 'aplikasi internal' },
    systems: [
      sys('Internal DNS', 'DNS internal', 'Half of the lookups failed.', 'Separuh permintaan resolusi gagal.'),
      sys('ERP', 'ERP', 'Slow logins and intermittent errors.', 'Login lambat dan error sesekali.'),
      sys('File server', 'File server', 'Shared drives disconnected.', 'Drive bersama terputus.'),
    ],
    what: { en: 'staff could not reach internal applications by name', id: 'karyawan tidak dapat mengakses aplikasi internal lewat nama' },
    cause: {
      en: 'a zone update removed the glue records of the secondary name server',
      id: 'pembaruan zona menghapus glue record name server kedua',
    },
    fix: { en: 'The previous zone file restored and reloaded', id: 'File zona sebelumnya dipulihkan dan dimuat ulang' },
    evidence: { en: 'SERVFAIL answers from the secondary name server only', id: 'jawaban SERVFAIL hanya dari name server kedua' },
    steps: [
      { en: 'Lookups tested from three offices; failures everywhere.', id: 'Resolusi diuji dari tiga kantor; gagal di semua lokasi.' },
      { en: 'Zone change history reviewed.', id: 'Riwayat perubahan zona ditinjau.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'incident',
    slug: 'broker-disk-full',
    title: {
      en: 'Order processing stopped when the message broker disk filled up',
      id: 'Pemrosesan pesanan berhenti karena disk message broker penuh',
    },
    service: { en: 'order processing', id: 'pemrosesan pesanan' },
    systems: [
      sys('Message broker', 'Message broker', 'Refused new messages.', 'Menolak pesan baru.'),
      sys('Order service', 'Layanan pesanan', 'Orders queued and were processed late.', 'Pesanan tertahan dan diproses terlambat.'),
      sys('Warehouse scanners', 'Pemindai gudang', 'Picking lists arrived late.', 'Daftar pengambilan barang terlambat.'),
    ],
    what: { en: 'new orders were accepted but not processed', id: 'pesanan baru diterima tetapi tidak diproses' },
    cause: {
      en: 'debug logging left on after a test filled the log volume of the broker',
      id: 'log debug yang tetap aktif setelah pengujian memenuhi volume log broker',
    },
    fix: { en: 'Debug logging switched off and the volume extended', id: 'Log debug dimatikan dan volume diperbesar' },
    evidence: { en: 'the log volume at 100% and the broker in flow control', id: 'volume log 100% dan broker dalam mode flow control' },
    steps: [
      { en: 'Old log files archived to object storage.', id: 'File log lama diarsipkan ke object storage.' },
      { en: 'Consumers restarted one by one.', id: 'Consumer dijalankan ulang satu per satu.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'incident',
    slug: 'search-memory-leak',
    title: {
      en: 'Search service restarting repeatedly because of a memory leak',
      id: 'Layanan pencarian berulang kali restart karena kebocoran memori',
    },
    service: { en: 'product search', id: 'pencarian produk' },
    systems: [
      sys('Search service', 'Layanan pencarian', 'Restarted every 20 minutes.', 'Restart setiap 20 menit.'),
      sys('Web shop', 'Toko online', 'Empty search results for some users.', 'Hasil pencarian kosong bagi sebagian pengguna.'),
    ],
    what: { en: 'searches returned empty pages or errors', id: 'pencarian menampilkan halaman kosong atau error' },
    cause: {
      en: 'a new cache for suggestions had no size limit',
      id: 'cache baru untuk saran pencarian tidak memiliki batas ukuran',
    },
    fix: { en: 'The suggestion cache disabled with a feature flag', id: 'Cache saran dimatikan lewat feature flag' },
    evidence: { en: 'memory growing steadily until the container limit', id: 'memori naik terus hingga batas container' },
    steps: [
      { en: 'Heap dump taken from one instance.', id: 'Heap dump diambil dari satu instance.' },
      { en: 'Memory limit raised as a stopgap.', id: 'Batas memori dinaikkan sebagai langkah sementara.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'incident',
    slug: 'core-switch-failure',
    title: {
      en: 'Network outage on the second floor after a core switch failure',
      id: 'Jaringan lantai dua terputus karena core switch rusak',
    },
    service: { en: 'the office network', id: 'jaringan kantor' },
    systems: [
      sys('Core switch SW-02', 'Core switch SW-02', 'Power supply failed.', 'Catu daya rusak.'),
      sys('Office network, floor 2', 'Jaringan kantor lantai 2', 'No network for about 90 users.', 'Sekitar 90 pengguna tanpa jaringan.'),
      sys('IP phones', 'Telepon IP', 'Out of service on floor 2.', 'Tidak berfungsi di lantai 2.'),
    ],
    what: { en: 'computers and phones on the second floor lost the network', id: 'komputer dan telepon di lantai dua kehilangan jaringan' },
    cause: {
      en: 'the only power supply of the switch failed; the second slot had never been fitted',
      id: 'satu-satunya catu daya switch rusak; slot kedua tidak pernah dipasang',
    },
    fix: { en: 'A spare power supply fitted', id: 'Catu daya cadangan dipasang' },
    evidence: { en: 'the switch unreachable and its uplink down', id: 'switch tidak terjangkau dan uplink-nya mati' },
    steps: [
      { en: 'Technician on site confirms the switch is dark.', id: 'Teknisi di lokasi memastikan switch mati total.' },
      { en: 'Spare part collected from the warehouse.', id: 'Suku cadang diambil dari gudang.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'incident',
    slug: 'notification-backlog',
    title: {
      en: 'SMS and e-mail notifications delayed by a queue backlog',
      id: 'Notifikasi SMS dan email terlambat karena antrean menumpuk',
    },
    service: { en: 'customer notifications', id: 'notifikasi pelanggan' },
    systems: [
      sys('Notification queue', 'Antrean notifikasi', 'Backlog of 400,000 messages.', 'Tumpukan 400.000 pesan.'),
      sys('SMS gateway', 'Gateway SMS', 'Rate-limited by the provider.', 'Dibatasi oleh penyedia.'),
    ],
    what: {
      en: 'one-time passwords and delivery notices arrived up to an hour late',
      id: 'kode OTP dan pemberitahuan pengiriman terlambat hingga satu jam',
    },
    cause: {
      en: 'a marketing campaign shared the queue with one-time passwords and had no rate limit',
      id: 'kampanye pemasaran memakai antrean yang sama dengan OTP tanpa batas laju',
    },
    fix: {
      en: 'Campaign paused and one-time passwords moved to their own queue',
      id: 'Kampanye dihentikan sementara dan OTP dipindah ke antrean tersendiri',
    },
    evidence: { en: 'queue depth rising by 5,000 messages a minute', id: 'antrean bertambah 5.000 pesan per menit' },
    steps: [
      { en: 'Provider confirms the rate limit on our account.', id: 'Penyedia mengonfirmasi pembatasan laju pada akun kami.' },
      { en: 'Priority queue created for one-time passwords.', id: 'Antrean prioritas dibuat untuk OTP.' },
    ],
    problem: { en: '', id: '' },
  },
  {
    type: 'change',
    slug: 'postgresql-upgrade',
    title: { en: 'PostgreSQL {version} upgrade of the billing database', id: 'Upgrade PostgreSQL {version} pada database penagihan' },
    service: { en: 'billing and invoices', id: 'penagihan dan faktur' },
    systems: [
      sys('Billing database', 'Database penagihan', 'Read-only during the upgrade.', 'Hanya baca selama upgrade.'),
      sys('Invoice portal', 'Portal faktur', 'Unavailable for up to one hour.', 'Tidak tersedia paling lama satu jam.'),
    ],
    what: {
      en: 'upgrade the billing database to a supported PostgreSQL version',
      id: 'meng-upgrade database penagihan ke versi PostgreSQL yang masih didukung',
    },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Replica promoted to test the new version.', id: 'Replika dipromosikan untuk menguji versi baru.' },
      { en: 'pg_upgrade run in link mode.', id: 'pg_upgrade dijalankan dalam mode link.' },
      { en: 'Statistics rebuilt with ANALYZE.', id: 'Statistik dibangun ulang dengan ANALYZE.' },
      { en: 'Application connection strings switched.', id: 'Connection string aplikasi dialihkan.' },
    ],
    problem: {
      en: 'two extensions had no build for the new version',
      id: 'dua ekstensi belum tersedia untuk versi baru',
    },
  },
  {
    type: 'change',
    slug: 'mail-migration',
    title: { en: 'Migration of company e-mail to the new mail platform', id: 'Migrasi email perusahaan ke platform email baru' },
    service: { en: 'e-mail', id: 'email' },
    systems: [
      sys('Mail server', 'Server email', 'Mailboxes moved in batches.', 'Mailbox dipindah bertahap.'),
      sys('Shared calendars', 'Kalender bersama', 'Read-only for one evening.', 'Hanya baca selama satu malam.'),
      sys('Mobile mail', 'Email di ponsel', 'Accounts need to be added again.', 'Akun perlu ditambahkan ulang.'),
    ],
    what: { en: 'move every mailbox to the new mail platform', id: 'memindahkan semua mailbox ke platform email baru' },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'MX records lowered to a five-minute TTL.', id: 'TTL record MX diturunkan menjadi lima menit.' },
      { en: 'First batch of 200 mailboxes synchronised.', id: 'Gelombang pertama 200 mailbox disinkronkan.' },
      { en: 'MX records switched to the new platform.', id: 'Record MX dialihkan ke platform baru.' },
      { en: 'Test mail sent from outside and inside the company.', id: 'Email uji dikirim dari luar dan dalam perusahaan.' },
    ],
    problem: {
      en: 'mailbox synchronisation ran at a third of the expected speed',
      id: 'sinkronisasi mailbox berjalan hanya sepertiga dari kecepatan yang diperkirakan',
    },
  },
  {
    type: 'change',
    slug: 'kubernetes-upgrade',
    title: { en: 'Kubernetes cluster upgrade to {version}', id: 'Upgrade cluster Kubernetes ke {version}' },
    service: { en: 'the web shop and the internal APIs', id: 'toko online dan API internal' },
    systems: [
      sys('Production cluster', 'Cluster produksi', 'Nodes replaced one by one.', 'Node diganti satu per satu.'),
      sys('Web shop', 'Toko online', 'Short latency spikes possible.', 'Kemungkinan lonjakan latensi singkat.'),
    ],
    what: {
      en: 'upgrade the production cluster to a supported Kubernetes version',
      id: 'meng-upgrade cluster produksi ke versi Kubernetes yang didukung',
    },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Control plane upgraded.', id: 'Control plane di-upgrade.' },
      { en: 'First node pool drained and replaced.', id: 'Node pool pertama dikosongkan dan diganti.' },
      { en: 'Ingress controller updated.', id: 'Ingress controller diperbarui.' },
    ],
    problem: {
      en: 'the ingress controller rejected the new API version of two routes',
      id: 'ingress controller menolak versi API baru untuk dua rute',
    },
  },
  {
    type: 'change',
    slug: 'vcenter-upgrade',
    title: { en: 'vCenter {version} upgrade', id: 'Upgrade vCenter {version}' },
    service: { en: 'the virtual servers', id: 'server virtual' },
    systems: [
      sys('vCenter Server', 'vCenter Server', 'Management unavailable during the upgrade.', 'Manajemen tidak tersedia selama upgrade.'),
      sys('Mail server VM', 'VM server email', 'Cloned as a backup first.', 'Di-clone lebih dulu sebagai backup.'),
      sys('Archive server VM', 'VM server arsip', 'Cloned as a backup first.', 'Di-clone lebih dulu sebagai backup.'),
    ],
    what: { en: 'upgrade vCenter after cloning every VM as a backup', id: 'meng-upgrade vCenter setelah semua VM di-clone sebagai backup' },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Backup check; clones of the VMs started.', id: 'Pengecekan backup; cloning VM dimulai.' },
      { en: 'Small VMs cloned within minutes.', id: 'VM kecil selesai di-clone dalam hitungan menit.' },
      { en: 'vCenter installer started.', id: 'Installer vCenter dijalankan.' },
    ],
    problem: {
      en: 'the mail and archive VM clones did not finish in the window',
      id: 'cloning VM email dan arsip tidak selesai di dalam jendela',
    },
  },
  {
    type: 'change',
    slug: 'firewall-migration',
    title: { en: 'Firewall policy migration to the new firewall cluster', id: 'Migrasi kebijakan firewall ke cluster firewall baru' },
    service: { en: 'internet access and the VPN', id: 'akses internet dan VPN' },
    systems: [
      sys('Firewall cluster', 'Cluster firewall', 'Replaced by the new pair.', 'Diganti pasangan baru.'),
      sys('VPN', 'VPN', 'Reconnect needed after the switch.', 'Perlu sambung ulang setelah peralihan.'),
    ],
    what: { en: 'move 1,200 firewall rules to the new cluster', id: 'memindahkan 1.200 aturan firewall ke cluster baru' },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Rules imported and compared with the old cluster.', id: 'Aturan diimpor dan dibandingkan dengan cluster lama.' },
      { en: 'Traffic switched to the new cluster.', id: 'Trafik dialihkan ke cluster baru.' },
      { en: 'Test plan run from every branch office.', id: 'Rencana uji dijalankan dari setiap kantor cabang.' },
    ],
    problem: {
      en: 'three branch offices could not reach the ERP through the new rules',
      id: 'tiga kantor cabang tidak dapat mengakses ERP melalui aturan baru',
    },
  },
  {
    type: 'maintenance',
    slug: 'ups-batteries',
    title: { en: 'UPS battery replacement in the main server room', id: 'Penggantian baterai UPS di ruang server utama' },
    service: { en: 'the servers in the main server room', id: 'server di ruang server utama' },
    systems: [
      sys('UPS A', 'UPS A', 'Batteries replaced; load on UPS B meanwhile.', 'Baterai diganti; beban dipindah ke UPS B.'),
      sys('Server room', 'Ruang server', 'No redundancy for about two hours.', 'Tanpa redundansi sekitar dua jam.'),
    ],
    what: {
      en: 'replace the batteries of UPS A, which are at the end of their life',
      id: 'mengganti baterai UPS A yang sudah habis masa pakainya',
    },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Load moved to UPS B.', id: 'Beban dipindah ke UPS B.' },
      { en: 'Old battery strings removed.', id: 'Rangkaian baterai lama dilepas.' },
      { en: 'New batteries fitted and charged.', id: 'Baterai baru dipasang dan diisi.' },
    ],
    problem: { en: 'one battery string failed its first load test', id: 'satu rangkaian baterai gagal pada uji beban pertama' },
  },
  {
    type: 'maintenance',
    slug: 'storage-firmware',
    title: { en: 'Firmware update of the storage array', id: 'Pembaruan firmware storage array' },
    service: { en: 'the ERP and the shared drives', id: 'ERP dan drive bersama' },
    systems: [
      sys('Storage array', 'Storage array', 'Controllers updated one after the other.', 'Controller diperbarui bergantian.'),
      sys('ERP', 'ERP', 'Stopped for up to 30 minutes.', 'Dihentikan paling lama 30 menit.'),
      sys('Shared drives', 'Drive bersama', 'Unavailable for up to 30 minutes.', 'Tidak tersedia paling lama 30 menit.'),
    ],
    what: {
      en: 'install the firmware the vendor recommends for a known controller defect',
      id: 'memasang firmware yang direkomendasikan vendor untuk cacat controller yang diketahui',
    },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Controller A updated.', id: 'Controller A diperbarui.' },
      { en: 'Services stopped; controller B updated.', id: 'Layanan dihentikan; controller B diperbarui.' },
      { en: 'Services started and checked.', id: 'Layanan dinyalakan dan diperiksa.' },
    ],
    problem: { en: 'controller A did not come back on the new firmware', id: 'controller A tidak kembali normal dengan firmware baru' },
  },
  {
    type: 'maintenance',
    slug: 'generator-test',
    title: { en: 'Quarterly generator and power failover test', id: 'Uji generator dan peralihan daya triwulanan' },
    service: { en: 'the data centre', id: 'pusat data' },
    systems: [
      sys('Generator', 'Generator', 'Run under load for one hour.', 'Dijalankan dengan beban selama satu jam.'),
      sys('Mains supply', 'Listrik PLN', 'Disconnected on purpose during the test.', 'Sengaja diputus selama uji.'),
    ],
    what: { en: 'test that the generator takes over the data centre load', id: 'menguji generator mengambil alih beban pusat data' },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Mains disconnected; generator starts within 12 seconds.', id: 'Listrik utama diputus; generator menyala dalam 12 detik.' },
      { en: 'Load and temperatures recorded.', id: 'Beban dan suhu dicatat.' },
      { en: 'Mains restored and transfer back checked.', id: 'Listrik utama dipulihkan dan peralihan kembali diperiksa.' },
    ],
    problem: { en: 'the transfer switch needed a manual reset', id: 'transfer switch perlu di-reset manual' },
  },
  {
    type: 'maintenance',
    slug: 'core-router-replacement',
    title: { en: 'Replacement of the core router at head office', id: 'Penggantian core router di kantor pusat' },
    service: { en: 'internet access and the links to branch offices', id: 'akses internet dan koneksi ke kantor cabang' },
    systems: [
      sys('Core router', 'Core router', 'Replaced by a new model.', 'Diganti dengan model baru.'),
      sys('Branch links', 'Koneksi kantor cabang', 'Down for up to 20 minutes.', 'Terputus paling lama 20 menit.'),
      sys('Internet access', 'Akses internet', 'Down for up to 20 minutes.', 'Terputus paling lama 20 menit.'),
    ],
    what: { en: 'replace the core router, which is out of vendor support', id: 'mengganti core router yang sudah tidak didukung vendor' },
    cause: { en: '', id: '' },
    fix: { en: '', id: '' },
    evidence: { en: '', id: '' },
    steps: [
      { en: 'Configuration loaded on the new router.', id: 'Konfigurasi dimuat ke router baru.' },
      { en: 'Cables moved to the new router.', id: 'Kabel dipindah ke router baru.' },
      { en: 'Routing to every branch checked.', id: 'Routing ke setiap cabang diperiksa.' },
    ],
    problem: { en: 'one branch link did not come up', id: 'satu koneksi cabang tidak menyala' },
  },
];

const wentWell: L[] = [
  {
    en: 'The on-call engineer was paged within two minutes of the first alert.',
    id: 'Engineer siaga dipanggil dalam dua menit sejak alert pertama.',
  },
  { en: 'The runbook had an up-to-date rollback section.', id: 'Runbook memiliki bagian rollback yang mutakhir.' },
  { en: 'Users were told early and in plain words.', id: 'Pengguna diberi tahu sejak awal dengan bahasa yang mudah dipahami.' },
  { en: 'Backups were checked before the work started.', id: 'Backup diperiksa sebelum pekerjaan dimulai.' },
  { en: 'The team kept a written timeline while working.', id: 'Tim mencatat kronologi secara tertulis selama bekerja.' },
  { en: 'The vendor answered within fifteen minutes.', id: 'Vendor merespons dalam lima belas menit.' },
];
const wentWrong: L[] = [
  { en: 'The first hypothesis took 40 minutes to rule out.', id: 'Dugaan pertama butuh 40 menit untuk dikesampingkan.' },
  { en: 'Dashboards did not show recent changes.', id: 'Dasbor tidak menampilkan perubahan terbaru.' },
  { en: 'The status page was updated late.', id: 'Halaman status terlambat diperbarui.' },
  { en: 'The window had no fixed go/no-go time.', id: 'Jendela kerja tidak memiliki jam go/no-go yang pasti.' },
  { en: 'Nobody knew how long the backup would take.', id: 'Tidak ada yang tahu berapa lama backup akan berjalan.' },
  {
    en: 'The alert threshold was too high to catch the start of the problem.',
    id: 'Ambang alert terlalu tinggi untuk menangkap awal masalah.',
  },
];
const lucky: L[] = [
  { en: 'It happened outside the monthly peak.', id: 'Kejadiannya di luar puncak bulanan.' },
  { en: 'A spare part was in the warehouse.', id: 'Suku cadang tersedia di gudang.' },
  { en: 'The database kept enough headroom for other services.', id: 'Database masih memiliki kapasitas cukup untuk layanan lain.' },
];
const lessons: L[] = [
  {
    en: 'Capacity settings belong in our own configuration, where a reviewer sees them change.',
    id: 'Pengaturan kapasitas harus ada di konfigurasi kita sendiri, agar perubahan terlihat saat review.',
  },
  {
    en: 'Check recent changes first; an upstream status page is a hypothesis, not a diagnosis.',
    id: 'Periksa perubahan terbaru lebih dulu; halaman status pihak lain hanyalah dugaan.',
  },
  { en: 'A rollback should be the boring option.', id: 'Rollback seharusnya menjadi pilihan yang membosankan.' },
  {
    en: 'Every window needs a go/no-go time agreed in advance.',
    id: 'Setiap jendela kerja perlu jam go/no-go yang disepakati sebelumnya.',
  },
  { en: 'Measure how long backups take before relying on them.', id: 'Ukur durasi backup sebelum mengandalkannya.' },
  { en: 'Redundant parts must be fitted, not only planned.', id: 'Komponen redundan harus dipasang, bukan hanya direncanakan.' },
];
const actionPool: L[] = [
  { en: 'Add a startup check for the configured pool size', id: 'Tambahkan pengecekan ukuran pool saat aplikasi dimulai' },
  { en: 'Show deploy markers on every service dashboard', id: 'Tampilkan penanda deploy di setiap dasbor layanan' },
  { en: 'Add go/no-go checkpoints with fixed times to the runbook', id: 'Tambahkan titik go/no-go dengan jam pasti ke runbook' },
  { en: 'Alert on certificates that expire within 21 days', id: 'Buat alert untuk sertifikat yang kedaluwarsa dalam 21 hari' },
  { en: 'Record backup durations and review them monthly', id: 'Catat durasi backup dan tinjau setiap bulan' },
  { en: 'Fit the second power supply in every core switch', id: 'Pasang catu daya kedua di setiap core switch' },
  { en: 'Update the status page automatically during incidents', id: 'Perbarui halaman status secara otomatis selama insiden' },
  { en: 'Rehearse the change in the lab and write down its prerequisites', id: 'Latih perubahan di lab dan catat prasyaratnya' },
  { en: 'Give one-time passwords their own queue and rate limit', id: 'Sediakan antrean dan batas laju tersendiri untuk OTP' },
  { en: 'Send all users a reminder of the new date', id: 'Kirim pengingat jadwal baru ke seluruh pengguna' },
];
const alternativesPool: { option: L; risk: L }[] = [
  {
    option: { en: 'Fix forward with a new build', id: 'Perbaiki langsung dengan build baru' },
    risk: {
      en: 'Needs a full pipeline run with an untested change.',
      id: 'Membutuhkan pipeline penuh dengan perubahan yang belum teruji.',
    },
  },
  {
    option: { en: 'Extend the window by one day', id: 'Perpanjang jendela satu hari' },
    risk: {
      en: 'The team had worked for 16 hours; mistakes become likelier.',
      id: 'Tim sudah bekerja 16 jam; risiko salah langkah meningkat.',
    },
  },
  {
    option: { en: 'Continue without a complete backup', id: 'Lanjut tanpa backup lengkap' },
    risk: { en: 'No recovery point if the work goes wrong.', id: 'Tidak ada titik pemulihan bila pekerjaan gagal.' },
  },
  {
    option: { en: 'Scale out to more instances', id: 'Tambah jumlah instance' },
    risk: { en: 'Could exhaust the shared database connections.', id: 'Dapat menghabiskan koneksi database bersama.' },
  },
];

// --- one log -------------------------------------------------------------------------------------

interface Built {
  id: string;
  type: LogType;
  languages: Lang[];
  frontMatter: Record<string, unknown>;
  body: string;
  title: string;
}

function buildLog(index: number, seed: number, mix: LanguageMix): Built {
  const rng = new Rng(mulberry32((seed * 0x9e3779b1) ^ (index * 0x85ebca77) ^ 0x5bd1e995));
  // A few warm-up draws so neighbouring indexes diverge.
  for (let i = 0; i < 3; i++) rng.float();
  const scenario = rng.pick(scenarios);
  const org = rng.pick(orgs);
  const indonesian =
    org.timezone.startsWith('Asia/J') || org.timezone.startsWith('Asia/M') || org.name.startsWith('PT') || org.name.startsWith('Kop');
  const primary: Lang = indonesian ? (rng.chance(0.8) ? 'id' : 'en') : rng.chance(0.9) ? 'en' : 'id';
  const other: Lang = primary === 'en' ? 'id' : 'en';
  const bilingual = mix === 'both' ? true : mix === 'one' ? false : rng.chance(indonesian ? 0.65 : 0.35);
  const languages: Lang[] = bilingual ? [primary, other] : [primary];
  // Size: small logs make one-page documents, large ones about three pages.
  const size = rng.pick(['small', 'small', 'medium', 'medium', 'medium', 'large'] as const);
  const scale = size === 'small' ? 0 : size === 'medium' ? 1 : 2;

  const versions: Record<string, string[]> = {
    'checkout-timeouts': ['4.18.0', '5.2.1', '2.40.3'],
    'postgresql-upgrade': ['14', '15', '16'],
    'kubernetes-upgrade': ['1.28', '1.29', '1.30'],
    'vcenter-upgrade': ['6.7', '7.0', '8.0'],
  };
  const version = rng.pick(versions[scenario.slug] ?? ['1.0']);
  const fill = (text: L): L => ({ en: text.en.replace('{version}', version), id: text.id.replace('{version}', version) });
  const loc = (text: L): string | Record<string, string> =>
    bilingual ? Object.fromEntries(languages.map((l) => [l, text[l]])) : text[primary];
  const title = fill(scenario.title);

  const year = rng.int(2016, 2025);
  const startDay = Date.UTC(year, rng.int(0, 11), rng.int(1, 28));
  const type = scenario.type;
  const planned = type !== 'incident';
  const start = startDay + (planned ? rng.pick([19, 20, 21, 22]) * 60 : rng.int(7, 20) * 60 + rng.int(0, 59)) * minute;
  const id = `${day(start)}-${scenario.slug}-${String(index + 1).padStart(4, '0')}`;

  const statuses =
    type === 'incident'
      ? (['resolved', 'resolved', 'resolved', 'resolved', 'monitoring', 'identified'] as const)
      : type === 'change'
        ? (['completed', 'completed', 'postponed', 'rolled-back', 'cancelled', 'scheduled'] as const)
        : (['completed', 'completed', 'scheduled', 'postponed'] as const);
  const status: string = rng.pick(statuses);
  const failed = status === 'postponed' || status === 'rolled-back' || status === 'cancelled';
  const future = status === 'scheduled';

  const pickPerson = () => rng.pick(people);
  const team = () => rng.pick(teams)[primary];
  const author = `${pickPerson()}, ${rng.pick(roles)[primary]}`;
  const approvers = rng.some(people, rng.int(1, 2)).map((p) => `${p}, ${rng.pick(roles)[primary]}`);
  const contacts: Record<Lang, string[]> = {
    en: [`IT Service Desk, servicedesk@${org.domain}`, `IT on-call phone, ${org.phone}`],
    id: [`IT Service Desk, servicedesk@${org.domain}`, `Telepon petugas TI siaga, ${org.phone}`],
  };
  const systems = rng.some(scenario.systems, 1 + scale).map((s) => ({ name: loc(s.name), impact: loc(s.impact) }));

  // Timeline: [time, text] in every language.
  const events: { t: number; text: L }[] = [];
  let t = start;
  const add = (text: L, gap: [number, number] = [5, 45]) => {
    events.push({ t, text });
    t += rng.int(gap[0], gap[1]) * minute;
  };
  const s = scenario;
  let end = start;
  let decisionAt = start;
  const sev = rng.pick(['sev1', 'sev2', 'sev2', 'sev3', 'sev4']);
  if (type === 'incident') {
    add(
      { en: `Monitoring alert: ${s.what.en}. On-call engineer paged.`, id: `Alert monitoring: ${s.what.id}. Engineer siaga dipanggil.` },
      [2, 8],
    );
    add({
      en: `On-call acknowledges and starts investigating ${s.service.en}.`,
      id: `Engineer siaga merespons dan mulai memeriksa ${s.service.id}.`,
    });
    if (scale > 0 || rng.chance(0.5))
      add({
        en: `Incident declared ${sev.toUpperCase()}; incident commander assigned.`,
        id: `Insiden dinyatakan ${sev.toUpperCase()}; incident commander ditunjuk.`,
      });
    for (const step of rng.some(s.steps, scale + 1)) add(step);
    if (scale > 0) add({ en: `Dashboards show ${s.evidence.en}.`, id: `Dasbor menunjukkan ${s.evidence.id}.` });
    add({ en: `Cause identified: ${s.cause.en}.`, id: `Penyebab ditemukan: ${s.cause.id}.` }, [3, 20]);
    decisionAt = t;
    add({ en: `Decision: ${s.fix.en.toLowerCase()}.`, id: `Keputusan: ${s.fix.id.toLowerCase()}.` }, [10, 60]);
    add({ en: `${s.fix.en} complete; error rate back to baseline.`, id: `${s.fix.id} selesai; tingkat error kembali normal.` }, [15, 40]);
    if (status === 'resolved')
      add({ en: 'Incident resolved; status page updated.', id: 'Insiden dinyatakan selesai; halaman status diperbarui.' }, [30, 200]);
    if (scale > 1) add({ en: 'Notice sent to all affected users.', id: 'Pemberitahuan dikirim ke semua pengguna terdampak.' }, [30, 120]);
    end = events.at(-1)?.t ?? t;
  } else if (!future) {
    add(
      { en: 'Window opens; team assembled and runbook reviewed.', id: 'Jendela kerja dibuka; tim berkumpul dan runbook ditinjau.' },
      [15, 40],
    );
    if (scale > 0 || rng.chance(0.5))
      add(
        {
          en: 'Pre-checks: backups verified and configuration exported.',
          id: 'Pengecekan awal: backup diverifikasi dan konfigurasi diekspor.',
        },
        [20, 60],
      );
    add({ en: 'Go/no-go: go.', id: 'Go/no-go: lanjut.' }, [5, 20]);
    const steps = rng.some(s.steps, failed ? 1 + Math.min(scale, 1) : 2 + scale);
    for (const step of steps) add(step, [20, 90]);
    if (failed) {
      add({ en: `Problem: ${s.problem.en}.`, id: `Kendala: ${s.problem.id}.` }, [30, 150]);
      decisionAt = t;
      const outcome =
        status === 'postponed'
          ? { en: 'postpone', id: 'ditunda' }
          : status === 'rolled-back'
            ? { en: 'roll back', id: 'rollback' }
            : { en: 'cancel', id: 'dibatalkan' };
      add({ en: `Decision: ${outcome.en}.`, id: `Keputusan: ${outcome.id}.` }, [20, 60]);
      add(
        { en: 'Systems returned to their original state and checked.', id: 'Sistem dikembalikan ke kondisi semula dan diperiksa.' },
        [10, 40],
      );
    } else {
      decisionAt = t;
      add({ en: 'Smoke tests passed.', id: 'Uji fungsi dasar berhasil.' }, [10, 30]);
    }
    add({ en: 'Window closed; notice sent to users.', id: 'Jendela kerja ditutup; pemberitahuan dikirim ke pengguna.' }, [1, 2]);
    end = events.at(-1)?.t ?? t;
  }

  const fm: Record<string, unknown> = {
    id,
    title: loc(title),
    type,
    status,
  };
  if (type === 'incident') fm.severity = sev;
  fm.languages = languages;
  fm.timezone = org.timezone;
  fm.organization = org.name;
  fm.author = author;
  if (scale > 0 || rng.chance(0.5)) fm.approvers = approvers;
  fm.contacts = bilingual ? Object.fromEntries(languages.map((l) => [l, contacts[l]])) : contacts[primary];
  fm.systems = systems;
  const plannedHours = rng.int(2, 8);
  if (planned) {
    const window: Record<string, string> = { start: stamp(start), end: stamp(start + plannedHours * 60 * minute) };
    if (!future) {
      window.actual_start = stamp(start);
      window.actual_end = stamp(Math.max(end, start + minute));
    }
    fm.window = window;
  } else {
    fm.detected = stamp(start);
    if (status === 'resolved') fm.resolved = stamp(end);
  }
  const downtimeMinutes = type === 'incident' ? Math.max(5, Math.round((end - start) / minute)) : rng.pick([0, 15, 20, 30, 60]);
  const h = Math.floor(downtimeMinutes / 60);
  const m = downtimeMinutes % 60;
  const users = rng.int(20, 4000);
  fm.impact = {
    users: loc({
      en: `About ${users} users of ${s.service.en}.`,
      id: `Sekitar ${users} pengguna ${s.service.id}.`,
    }),
    downtime: downtimeMinutes === 0 ? 'PT0M' : `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}`,
    data_loss: false,
    summary: loc(
      type === 'incident'
        ? {
            en: `For ${h ? `${h} h ` : ''}${m} min ${s.what.en}. The cause was that ${s.cause.en}. No data was lost.`,
            id: `Selama ${h ? `${h} jam ` : ''}${m} menit ${s.what.id}. Penyebabnya: ${s.cause.id}. Tidak ada data yang hilang.`,
          }
        : failed
          ? {
              en: `The work to ${s.what.en} did not finish because ${s.problem.en}. Systems are back as before; no data was lost.`,
              id: `Pekerjaan untuk ${s.what.id} tidak selesai karena ${s.problem.id}. Sistem kembali seperti semula; tidak ada data yang hilang.`,
            }
          : {
              en: `The team will ${s.what.en}. ${s.service.en[0]?.toUpperCase()}${s.service.en.slice(1)} may be unavailable for up to ${downtimeMinutes || 10} minutes.`,
              id: `Tim akan ${s.what.id}. Layanan ${s.service.id} mungkin tidak tersedia paling lama ${downtimeMinutes || 10} menit.`,
            },
    ),
  };
  if (!future) {
    const outcome =
      type === 'incident'
        ? /rollback|restored/i.test(s.fix.en)
          ? 'rollback'
          : 'proceed'
        : status === 'postponed'
          ? 'postpone'
          : status === 'rolled-back'
            ? 'rollback'
            : status === 'cancelled'
              ? 'abort'
              : 'proceed';
    const decision: Record<string, unknown> = {
      outcome,
      at: stamp(decisionAt),
      by: `${pickPerson()} (${team()})`,
      rationale: loc(
        type === 'incident'
          ? {
              en: `${s.fix.en} was the fastest change with a known outcome while users kept seeing errors.`,
              id: `${s.fix.id} adalah perubahan tercepat dengan hasil yang pasti selagi pengguna masih mengalami error.`,
            }
          : failed
            ? {
                en: `Because ${s.problem.en}, going on would have left no safe way back before the next working day.`,
                id: `Karena ${s.problem.id}, melanjutkan pekerjaan tidak menyisakan jalan kembali yang aman sebelum hari kerja berikutnya.`,
              }
            : { en: 'All checks passed within the window.', id: 'Semua pengecekan berhasil di dalam jendela kerja.' },
      ),
    };
    if (scale > 0 && (failed || type === 'incident'))
      decision.alternatives = rng.some(alternativesPool, scale).map((a) => ({ option: loc(a.option), risk: loc(a.risk) }));
    fm.decision = decision;
  }
  if (status === 'postponed' || status === 'rolled-back') {
    const next = start + rng.int(7, 21) * 24 * 60 * minute;
    fm.rescheduled = { start: stamp(next), end: stamp(next + plannedHours * 60 * minute) };
  }
  fm.actions = rng.some(actionPool, 1 + scale + rng.int(0, 1)).map((a, i) => ({
    title: loc(a),
    owner: `${pickPerson()} (${team()})`,
    due: day(start + (i + 2) * 3 * 24 * 60 * minute),
    status: future ? 'open' : rng.pick(['open', 'done']),
    priority: rng.pick(['high', 'medium', 'low']),
  }));
  fm.tags = [type, scenario.slug.split('-')[0], org.domain.split('.')[0]];
  fm.updated = stamp(Math.max(end, start) + 24 * 60 * minute);

  // Body: every section in the primary language first, then the other.
  const heads: Record<string, L> = {
    summary: { en: 'Summary', id: 'Ringkasan' },
    timeline: { en: 'Timeline', id: 'Kronologi' },
    impact: { en: 'Impact', id: 'Dampak' },
    cause: { en: 'Contributing factors', id: 'Faktor penyebab' },
    decision: { en: 'Decision', id: 'Keputusan' },
    well: { en: 'What went well', id: 'Yang berjalan baik' },
    wrong: { en: 'What went wrong', id: 'Yang tidak berjalan baik' },
    lucky: { en: 'Where we got lucky', id: 'Yang kebetulan menolong' },
    lessons: { en: 'Lessons learned', id: 'Pelajaran' },
    next: { en: 'Next steps', id: 'Langkah selanjutnya' },
    announcement: { en: 'Announcement', id: 'Pengumuman' },
  };
  const well = rng.some(wentWell, 1 + Math.min(scale, 1));
  const wrong = rng.some(wentWrong, 1 + Math.min(scale, 1));
  const luck = scale > 0 ? rng.some(lucky, 1) : [];
  const learned = rng.some(lessons, 1 + scale);
  const when = longDate(start);
  const parts: string[] = [];
  for (const lang of languages) {
    const x = (text: L) => text[lang];
    const bullet = (list: L[]) => list.map((item) => `- ${x(item)}`).join('\n');
    const section = (key: string, text: string) => parts.push(`## ${x(heads[key] as L)}\n\n${text}\n`);
    const from = clockIn(start, lang);
    const upTo = clockIn(end, lang);
    const summary =
      lang === 'en'
        ? type === 'incident'
          ? `On **${when.en}** from ${from} to ${upTo} ${org.zone}, ${s.what.en}. The cause was that ${s.cause.en}. ${s.fix.en} restored the service.`
          : `On **${when.en}** from ${from} ${org.zone}, the team planned to ${s.what.en}.` +
            (future
              ? ' The work has not started yet.'
              : failed
                ? ` The work stopped because ${s.problem.en}.`
                : ' The work finished within the window.')
        : type === 'incident'
          ? `Pada **${when.id}** pukul ${from} sampai ${upTo} ${org.zone}, ${s.what.id}. Penyebabnya: ${s.cause.id}. ${s.fix.id} memulihkan layanan.`
          : `Pada **${when.id}** pukul ${from} ${org.zone}, tim berencana ${s.what.id}.` +
            (future
              ? ' Pekerjaan belum dimulai.'
              : failed
                ? ` Pekerjaan dihentikan karena ${s.problem.id}.`
                : ' Pekerjaan selesai di dalam jendela.');
    const more =
      scale > 0
        ? lang === 'en'
          ? `\n\nThis document records what happened, what it meant for users of ${s.service.en}, and the actions agreed to keep it from happening again. Times are in ${org.zone}.`
          : `\n\nDokumen ini mencatat apa yang terjadi, dampaknya bagi pengguna ${s.service.id}, dan tindakan yang disepakati agar tidak terulang. Waktu dalam ${org.zone}.`
        : '';
    section('summary', summary + more);
    if (events.length > 0) {
      let last = '';
      const lines = events.map((e) => {
        const d = day(e.t);
        const at = d === last ? clock(e.t) : `${d} ${clock(e.t)}`;
        last = d;
        return `- ${at} — ${x(e.text)}`;
      });
      section('timeline', lines.join('\n'));
    }
    section(
      'impact',
      bullet(
        scenario.systems
          .slice(0, 1 + scale)
          .map((sy) => ({ en: `**${sy.name.en}:** ${sy.impact.en}`, id: `**${sy.name.id}:** ${sy.impact.id}` })),
      ),
    );
    if (type === 'incident') {
      section(
        'cause',
        lang === 'en'
          ? `- ${s.cause.en[0]?.toUpperCase()}${s.cause.en.slice(1)}.\n- Nothing in our checks compared the setting with its previous value.${scale > 1 ? `\n- The alert fired on ${s.evidence.en}, not on what users saw.` : ''}`
          : `- ${s.cause.id[0]?.toUpperCase()}${s.cause.id.slice(1)}.\n- Tidak ada pengecekan yang membandingkan pengaturan dengan nilai sebelumnya.${scale > 1 ? `\n- Alert berbunyi berdasarkan ${s.evidence.id}, bukan yang dilihat pengguna.` : ''}`,
      );
    } else if (failed) {
      section(
        'decision',
        lang === 'en'
          ? `We decided to **${status === 'postponed' ? 'postpone' : status === 'rolled-back' ? 'roll back' : 'cancel'}** because ${s.problem.en}. A new date is agreed with the business owners.`
          : `Kami memutuskan untuk **${status === 'postponed' ? 'menunda' : status === 'rolled-back' ? 'melakukan rollback' : 'membatalkan'}** karena ${s.problem.id}. Jadwal baru disepakati dengan pemilik bisnis.`,
      );
    }
    if (!future) {
      section('well', bullet(well));
      section('wrong', bullet(wrong));
      if (luck.length) section('lucky', bullet(luck));
      section('lessons', bullet(learned));
    }
    section(
      'next',
      lang === 'en'
        ? `- Actions are tracked in the weekly review until all are closed.${scale > 0 ? '\n- A follow-up report goes to management in two weeks.' : ''}`
        : `- Tindakan dipantau dalam rapat mingguan hingga semuanya selesai.${scale > 0 ? '\n- Laporan lanjutan disampaikan ke manajemen dalam dua minggu.' : ''}`,
    );
    section(
      'announcement',
      lang === 'en'
        ? `**${title.en}**\n\n${type === 'incident' ? `On ${when.en} ${s.what.en}. It is fixed and everything works normally again.` : `On ${when.en} from ${from} ${org.zone} we ${future ? 'will' : 'planned to'} ${s.what.en}.`}\n\n**What you need to do:** nothing. Questions? Contact the IT Service Desk at servicedesk@${org.domain}.`
        : `**${title.id}**\n\n${type === 'incident' ? `Pada ${when.id} ${s.what.id}. Masalah sudah diatasi dan semua layanan kembali normal.` : `Pada ${when.id} pukul ${from} ${org.zone} kami ${future ? 'akan' : 'berencana'} ${s.what.id}.`}\n\n**Yang perlu Anda lakukan:** tidak ada. Ada pertanyaan? Hubungi IT Service Desk di servicedesk@${org.domain}.`,
    );
  }
  return { id, type, languages, frontMatter: fm, body: parts.join('\n'), title: title[primary] };
}

/** Writes `count` logs into `dir` (and their plain Markdown bodies into `markdownDir`). */
export function generateLogs(options: GenerateOptions): GeneratedLog[] {
  const seed = options.seed ?? 4;
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  if (options.markdownDir) mkdirSync(options.markdownDir, { recursive: true });
  const out: GeneratedLog[] = [];
  for (let i = 0; i < options.count; i++) {
    const log = buildLog(i, seed, options.languages ?? 'mixed');
    const name = `${String(i + 1).padStart(4, '0')}-${log.id.slice(11)}.md`;
    const file = join(dir, name);
    const yaml = stringify(log.frontMatter, { lineWidth: 0 });
    writeFileSync(file, `---\n${yaml}---\n\n${log.body}`);
    const entry: GeneratedLog = { file, id: log.id, type: log.type, languages: log.languages, pdfs: documentsPerLog(log.languages.length) };
    if (options.markdownDir) {
      entry.markdownFile = join(options.markdownDir, name);
      writeFileSync(entry.markdownFile, `# ${log.title}\n\n${log.body}`);
    }
    out.push(entry);
  }
  return out;
}

/** As many logs as it takes to make at least `pdfs` PDFs. */
export function logsForPdfs(pdfs: number, seed = 4, languages: LanguageMix = 'mixed'): number {
  let total = 0;
  let n = 0;
  while (total < pdfs) total += documentsPerLog(buildLog(n++, seed, languages).languages.length);
  return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '10' },
      out: { type: 'string', default: 'bench-logs' },
      seed: { type: 'string', default: '4' },
      languages: { type: 'string', default: 'mixed' },
      markdown: { type: 'string' },
    },
  });
  const logs = generateLogs({
    count: Number(values.n),
    dir: values.out,
    seed: Number(values.seed),
    languages: values.languages as LanguageMix,
    markdownDir: values.markdown,
  });
  const pdfs = logs.reduce((sum, l) => sum + l.pdfs, 0);
  process.stdout.write(`${logs.length} log(s) in ${resolve(values.out)} (${pdfs} PDFs when rendered with every document)\n`);
}
