/**
 * Polls `condition` until it holds (a truthy value, returned) or `timeoutMs`
 * passes (an error naming `what`): tests wait for states, not for time.
 */
export async function waitUntil<T>(
  condition: () => T | Promise<T>,
  {
    what,
    timeoutMs = 15_000,
    intervalMs = 50,
  }: { what: string; timeoutMs?: number; intervalMs?: number },
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`${what}: not within ${timeoutMs} ms${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
