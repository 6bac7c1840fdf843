/** Longest text kept in a stored vendor record; longer ones (a base64 capture photo) are replaced by their length. */
const MAX_TEXT = 1_024;

/**
 * A vendor's record as kept beside its event (evidence, alarm tables): the same, except that very
 * long texts — ZKBio's capturePhotoBase64, already in the event's photo — are not stored twice.
 */
export function boundedRaw(raw: unknown, depth = 0): unknown {
  if (typeof raw === 'string') return raw.length > MAX_TEXT ? `[${raw.length} characters not kept]` : raw;
  if (raw === null || typeof raw !== 'object' || depth > 8) return raw;
  if (Array.isArray(raw)) return raw.map((item: unknown) => boundedRaw(item, depth + 1));
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, boundedRaw(value, depth + 1)]));
}
