const tones: Record<string, string> = {
  resolved: 'ok',
  completed: 'ok',
  monitoring: 'info',
  scheduled: 'info',
  'in-progress': 'info',
  identified: 'warn',
  investigating: 'bad',
  postponed: 'warn',
  'rolled-back': 'warn',
  cancelled: 'bad',
};

/** The colour of a status badge (`ok`, `warn`, `bad`, `info`), the same as in the documents. */
export function statusTone(status: string): string {
  return tones[status] ?? 'info';
}
