import { eventStreamsEn } from '../../shared/i18n/event-streams.en.ts';
import { eventStreamsZhCN } from '../../shared/i18n/event-streams.zh-CN.ts';
import { streamTruthEn } from '../../shared/i18n/stream-truth.en.ts';
import { streamTruthZhCN } from '../../shared/i18n/stream-truth.zh-CN.ts';
import { DriverError, type LocalizedText } from '../drivers/driver-error.ts';

type ReasonKey = keyof typeof eventStreamsEn.eventStreams.reason;

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A reason of the catalog in both languages. */
export function reasonText(key: ReasonKey, values: Readonly<Record<string, string | number>> = {}): LocalizedText {
  return { en: fill(eventStreamsEn.eventStreams.reason[key], values), 'zh-CN': fill(eventStreamsZhCN.eventStreams.reason[key], values) };
}

/** Why a read failed, in both languages: the driver's own advice where it gives one, else by kind. */
export function failureReason(error: unknown): LocalizedText {
  if (error instanceof DriverError) {
    if (error.advice) return error.advice;
    switch (error.code) {
      case 'dns':
      case 'refused':
      case 'unreachable':
      case 'reset':
      case 'tls':
        return reasonText('unreachable');
      case 'timeout':
        return reasonText('timeout');
      case 'bad_credentials':
        return reasonText('credentials');
      case 'http_status':
      case 'not_json':
      case 'truncated_json':
      case 'schema_mismatch':
      case 'paging_repeated':
        return reasonText('badReply');
      default:
        break;
    }
  }
  return reasonText('other', { message: error instanceof Error ? error.message : String(error) });
}

/** The offline reason: how long, then why. */
export function offlineReason(minutes: number, detail: LocalizedText): LocalizedText {
  return { en: fill(eventStreamsEn.eventStreams.reason.offline, { minutes, detail: detail.en }), 'zh-CN': fill(eventStreamsZhCN.eventStreams.reason.offline, { minutes, detail: detail['zh-CN'] }) };
}

/** A receiver typed into the vendor's software by hand that the backend has not called yet: where to type it, and that polling stands in. */
export function awaitingCallReason(where: LocalizedText, seconds: number): LocalizedText {
  return {
    en: fill(streamTruthEn.streamTruth.awaitingCall, { where: where.en, seconds }),
    'zh-CN': fill(streamTruthZhCN.streamTruth.awaitingCall, { where: where['zh-CN'], seconds }),
  };
}
