/**
 * Waits until `condition` holds, looking every `everyMs` (default 10 ms), or throws "timed out
 * waiting for <what>" after `timeoutMs` (default 20 s): the integration tests' wait on a simulator,
 * a core or a child process (e2e tests use `expect.poll`).
 */
export async function until(condition: () => boolean, what: string, { timeoutMs = 20_000, everyMs = 10 }: { timeoutMs?: number; everyMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
