import { DriverError } from '../driver-error.ts';
import type { ZkbioEndpoint } from './envelope.ts';

/**
 * The document asks door-state (2.12.1–2.12.3) and real-time monitor (2.19.6, 2.27.2, 2.35.6)
 * callers not to poll more often than every 10 s. Doorman keeps to that unless the user insists.
 */
export class PollLimiter {
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly last = new Map<string, number>();

  constructor(minIntervalMs: number, now: () => number = Date.now) {
    this.minIntervalMs = minIntervalMs;
    this.now = now;
  }

  static isLimited(spec: ZkbioEndpoint): boolean {
    return /^door\.(allDoorState|doorStateById|doorStateBySn)$/.test(spec.id) || /\.monitor$/.test(spec.id);
  }

  /** Records a poll of `key`, or refuses one that comes too soon (unless forced). */
  check(key: string, force: boolean, endpoint: string): void {
    const now = this.now();
    const previous = this.last.get(key);
    if (!force && previous !== undefined && now - previous < this.minIntervalMs) {
      const waitS = Math.ceil((this.minIntervalMs - (now - previous)) / 1000);
      throw new DriverError('too_frequent', `ZKBio asks not to poll ${endpoint} more often than every ${this.minIntervalMs / 1000} s; wait ${waitS} s or force it.`, {
        vendor: 'zkbio',
        endpoint,
        details: { waitMs: this.minIntervalMs - (now - previous) },
        advice: {
          en: `ZKBio's document asks not to poll this more often than every ${this.minIntervalMs / 1000} s. Wait ${waitS} s, or insist (--force).`,
          'zh-CN': `ZKBio 文档要求此接口的查询间隔不少于 ${this.minIntervalMs / 1000} 秒。请等待 ${waitS} 秒，或强制执行（--force）。`,
        },
      });
    }
    this.last.set(key, now);
  }
}
