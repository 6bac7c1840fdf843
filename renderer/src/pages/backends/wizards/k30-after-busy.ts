import { useEffect, useState } from 'react';
import type { Loaded } from './use-loaded.ts';

/**
 * Reads the step's lists again each time its action or undo ends (busy turns false): what K30 holds
 * has changed. Returns a count of those ends, to key a form that must read its own data again.
 */
export function useReadAfterBusy(busy: boolean, lists: readonly Loaded<unknown>[]): number {
  const [serial, setSerial] = useState(0);
  const [wasBusy, setWasBusy] = useState(busy);
  if (wasBusy !== busy) {
    setWasBusy(busy);
    if (!busy) setSerial((n) => n + 1);
  }
  useEffect(() => {
    if (serial > 0) for (const list of lists) list.reload();
    // Only an end of busy asks for a new read; `lists` is a fresh array each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serial]);
  return serial;
}
