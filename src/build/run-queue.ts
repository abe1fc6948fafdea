/**
 * Runs `worker` over `items` with at most `concurrency` at once, in order of the list, and stops
 * taking new items once `signal` is aborted. Resolves when every started item has finished.
 */
export async function runQueue<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++] as T;
      await worker(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
}
