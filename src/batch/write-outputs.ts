import { isWartaError } from '../errors.js';
import { writeFileAtomicAsync } from '../output/write-file-atomic.js';
import type { PdfJob, PdfPrinter } from '../pdf/pdf-printer.js';
import type { PlannedOutput } from './plan-outputs.js';
import { runQueue } from './run-queue.js';

/** What {@link writeOutputs} needs besides the outputs. */
export interface WriteOutputsOptions {
  /** Absolute output folder: no write leaves it. */
  outDir: string;
  /** The browser for the PDFs: started already, or started now on first need. */
  printer: () => Promise<PdfPrinter>;
  signal?: AbortSignal;
  onWritten: (output: PlannedOutput) => void;
  onFailed: (output: PlannedOutput, reason: string) => void;
}

/**
 * Writes the due outputs: HTML, text and e-mail at once in one queue while the PDFs print in the
 * browser's bounded pool of pages in another. A failed document is reported and the others go on;
 * a template error stops the run (every document would fail the same way). Resolves with the
 * number of browsers launched (0 when no PDF was due).
 */
export async function writeOutputs(outputs: readonly PlannedOutput[], options: WriteOutputsOptions): Promise<number> {
  const write = async (output: PlannedOutput, data: () => Promise<string | Uint8Array>) => {
    try {
      await writeFileAtomicAsync(output.path, await data(), { within: options.outDir });
      options.onWritten(output);
    } catch (error) {
      if (isWartaError(error, 'templates')) throw error;
      options.onFailed(output, ((error as Error)?.message ?? String(error)).split('\n')[0] ?? 'unknown error');
    }
  };
  const pdfs = outputs.filter((output) => output.format === 'pdf');
  const files = outputs.filter((output) => output.format !== 'pdf');
  let launches = 0;
  const writing = runQueue(files, 8, (output) => write(output, async () => output.make() as string), options.signal);
  const printing = async () => {
    if (pdfs.length === 0 || options.signal?.aborted) return;
    const printer = await options.printer();
    try {
      await runQueue(pdfs, printer.concurrency, (output) => write(output, () => printer.print(output.make() as PdfJob)), options.signal);
    } finally {
      launches = printer.launches;
      await printer.close();
    }
  };
  // Both are awaited even when one fails, so no write is left running behind the run.
  const results = await Promise.allSettled([writing, printing()]);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return launches;
}
