import type { AccessEvent } from './backends.ts';

/**
 * An access event as a driver hands it over (parsed from a push or a poll), before the store keeps
 * it. Here, below both, so the drivers and the store can name it without importing each other.
 */
export interface IncomingEvent {
  readonly event: AccessEvent;
  /** The vendor's payload, kept as evidence (already size-limited by the receiver). */
  readonly raw?: unknown;
}
