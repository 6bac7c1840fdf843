import type { Logger } from './logger.ts';

/** How many lines one sender may cause, per window. */
export interface RejectionLogLimits {
  readonly windowMs: number;
  /** Lines written in full per sender and window; the rest are counted. */
  readonly perWindow: number;
  /** Senders followed one by one; the others share one count ("other senders"). */
  readonly maxSenders: number;
}

const REJECTION_LOG_LIMITS: RejectionLogLimits = { windowMs: 60_000, perWindow: 10, maxSenders: 100 };

const OTHER_SENDERS = 'other senders';

interface Window {
  readonly startedAt: number;
  written: number;
  suppressed: number;
}

/**
 * The log lines that remote senders cause (a refused push, a request that failed), limited per
 * sender: the first `perWindow` lines of a window in full, then one summary line
 * "N more rejections from X in the last M s" when the window ends (or the log is closed). A sender
 * sending garbage as fast as it can costs a few lines a minute, not 147 bytes a request.
 */
export class RejectionLog {
  private readonly log: Logger;
  private readonly limits: RejectionLogLimits;
  private readonly now: () => number;
  private readonly windows = new Map<string, Window>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(log: Logger, limits: Partial<RejectionLogLimits> = {}, now: () => number = Date.now) {
    this.log = log;
    this.limits = { ...REJECTION_LOG_LIMITS, ...limits };
    this.now = now;
  }

  /** A rejection of something `sender` (its address) sent: written (a warning unless said), or counted for the summary. */
  rejected(sender: string, fields: Record<string, unknown>, message: string, level: 'warn' | 'error' = 'warn'): void {
    const at = this.now();
    const key = this.windows.has(sender) || this.windows.size < this.limits.maxSenders ? sender : OTHER_SENDERS;
    let window = this.windows.get(key);
    if (window && at - window.startedAt >= this.limits.windowMs) {
      this.summarise(key, window, at);
      window = undefined;
    }
    if (!window) {
      window = { startedAt: at, written: 0, suppressed: 0 };
      this.windows.set(key, window);
    }
    if (window.written < this.limits.perWindow) {
      window.written++;
      this.log[level]({ ...fields, remote: sender }, message);
      return;
    }
    window.suppressed++;
    this.scheduleFlush();
  }

  /** Writes the summaries of every window that has ended (all of them with `all`), and forgets them. */
  flush(all = false): void {
    const at = this.now();
    for (const [key, window] of this.windows) {
      if (all || at - window.startedAt >= this.limits.windowMs) {
        this.summarise(key, window, at);
        this.windows.delete(key);
      }
    }
    if (this.windows.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /** Summarises what is pending; call when the component stops. */
  close(): void {
    this.flush(true);
  }

  private summarise(key: string, window: Window, at: number): void {
    if (window.suppressed === 0) return;
    const seconds = Math.max(1, Math.ceil((at - window.startedAt) / 1000));
    this.log.warn({ remote: key, suppressed: window.suppressed, seconds }, `${window.suppressed} more rejections from ${key} in the last ${seconds} s`);
    window.suppressed = 0;
  }

  // A burst followed by silence still gets its summary, at the end of its window.
  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
      if ([...this.windows.values()].some((w) => w.suppressed > 0)) this.scheduleFlush();
    }, this.limits.windowMs);
    this.timer.unref();
  }
}
