// Run an async job over many items, at most `limit` at a time: uploads and checks of a few hundred
// small site files are bound by round trips, not bandwidth.
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  job: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
