/**
 * The rule "repeated denials at one door" (issue 15 item 3): `threshold` denials within
 * `windowMinutes`. Pure: given the times of the newest denials at the door (newest first, the one
 * just stored among them), whether they make a burst, and whether that burst already has its alarm.
 */
export interface DeniedRule {
  readonly threshold: number;
  readonly windowMinutes: number;
}

/** Whether the newest `threshold` denials (ISO times) all fall within the window ending at `at`. */
export function isDeniedBurst(deniedAt: readonly string[], at: string, rule: DeniedRule): boolean {
  const end = Date.parse(at);
  if (!Number.isFinite(end)) return false;
  const start = end - rule.windowMinutes * 60_000;
  const inWindow = deniedAt.filter((time) => {
    const t = Date.parse(time);
    return Number.isFinite(t) && t >= start && t <= end;
  });
  return inWindow.length >= rule.threshold;
}

/**
 * Whether a burst at `at` is the one an earlier alarm (raised for the event at `previous`) already
 * reported: one alarm per burst, not one per denial past the threshold.
 */
export function sameBurst(previous: string | undefined, at: string, rule: DeniedRule): boolean {
  if (previous === undefined) return false;
  const gap = Date.parse(at) - Date.parse(previous);
  return Number.isFinite(gap) && gap >= 0 && gap <= rule.windowMinutes * 60_000;
}
