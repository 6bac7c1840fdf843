/**
 * How a simulator runs from the command line: it prints one line of JSON (what a client needs to
 * connect, and the fingerprint of a certificate --tls made), then runs until SIGINT or SIGTERM.
 */
export function launchLine(fields: Readonly<Record<string, unknown>>, fingerprint256: string | undefined): string {
  return JSON.stringify({ ...fields, ...(fingerprint256 ? { fingerprint256 } : {}) });
}

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Waits for SIGINT or SIGTERM, then closes the simulator. */
export async function runUntilSignal(simulator: { close(): Promise<void> }): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await simulator.close();
}
