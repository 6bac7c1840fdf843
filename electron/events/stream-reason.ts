import { eventStreamsEn } from '../../shared/i18n/event-streams.en.ts';
import { eventStreamsZhCN } from '../../shared/i18n/event-streams.zh-CN.ts';
import { streamTruthEn } from '../../shared/i18n/stream-truth.en.ts';
import { streamTruthZhCN } from '../../shared/i18n/stream-truth.zh-CN.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { DriverError, type DriverErrorCode, type LocalizedText } from '../drivers/driver-error.ts';

type ReasonKey = keyof typeof eventStreamsEn.eventStreams.reason;

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A reason of the catalog in both languages. */
export function reasonText(key: ReasonKey, values: Readonly<Record<string, string | number>> = {}): LocalizedText {
  return { en: fill(eventStreamsEn.eventStreams.reason[key], values), 'zh-CN': fill(eventStreamsZhCN.eventStreams.reason[key], values) };
}

/** Failures where the backend gave no answer at all (as opposed to answering with a refusal or an error). */
const NO_ANSWER: ReadonlySet<DriverErrorCode> = new Set(['dns', 'refused', 'unreachable', 'timeout', 'reset', 'tls']);

/** Whether the backend did not answer at all; false when it answered, with a refusal, an error or garbage. */
export function gaveNoAnswer(error: unknown): boolean {
  return error instanceof DriverError ? NO_ANSWER.has(error.code) : !(error instanceof ApiError);
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText).en === 'string' && typeof (value as LocalizedText)['zh-CN'] === 'string';
}

/** Why a read failed, in both languages: the driver's own advice where it gives one, else by kind. */
export function failureReason(error: unknown): LocalizedText {
  // A typed refusal from the core (the backend's secrets, its driver): its own advice.
  if (error instanceof ApiError && isLocalizedText(error.details?.['advice'])) return error.details['advice'];
  if (error instanceof DriverError) {
    if (error.advice) return error.advice;
    if (error.code === 'http_status' && error.status !== undefined) return truthText('serverError', { status: error.status });
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

/**
 * The offline reason: how long, then why. "No answer" only when the backend gave none; a backend
 * that answers with a refusal or an error is "failing", with its own words for what to do.
 */
export function offlineReason(minutes: number, detail: LocalizedText, noAnswer = true): LocalizedText {
  if (!noAnswer) return { en: fill(streamTruthEn.streamTruth.failingFor, { minutes, detail: detail.en }), 'zh-CN': fill(streamTruthZhCN.streamTruth.failingFor, { minutes, detail: detail['zh-CN'] }) };
  return { en: fill(eventStreamsEn.eventStreams.reason.offline, { minutes, detail: detail.en }), 'zh-CN': fill(eventStreamsZhCN.eventStreams.reason.offline, { minutes, detail: detail['zh-CN'] }) };
}

function truthText(key: 'serverError', values: Readonly<Record<string, string | number>>): LocalizedText {
  return { en: fill(streamTruthEn.streamTruth[key], values), 'zh-CN': fill(streamTruthZhCN.streamTruth[key], values) };
}

/** A receiver typed into the vendor's software by hand that the backend has not called yet: where to type it, and that polling stands in. */
export function awaitingCallReason(where: LocalizedText, seconds: number): LocalizedText {
  return {
    en: fill(streamTruthEn.streamTruth.awaitingCall, { where: where.en, seconds }),
    'zh-CN': fill(streamTruthZhCN.streamTruth.awaitingCall, { where: where['zh-CN'], seconds }),
  };
}
