/**
 * Runs `worker` over `items` with at most `concurrency` at once, in order of the list, and stops
 * taking new items once `signal` is aborted or a worker threw. Resolves when every started item has
 * finished; rejects with the first error only then, so nothing is left running behind the caller.
 */
export async function runQueue<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length && !signal?.aborted) {
      const item = items[next++] as T;
      try {
        await worker(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
