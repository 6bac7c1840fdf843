import type { TFunction } from 'i18next';
import type { DoorTestResult } from '../../../../shared/contract/door-tests.ts';
import type { Lang } from '../../../../shared/i18n/index.ts';

/**
 * The result's reason in the user's language: the core's advice when it gave one; otherwise, for
 * the verdicts whose English message is only a summary (pass, cancelled), the same summary from the
 * catalog; else the core's message as it is.
 */
export function resultMessage(result: DoorTestResult, lang: Lang, t: TFunction): string {
  const advice = result.advice?.[lang];
  if (advice) return advice;
  if (result.verdict === 'pass') {
    return result.latencyMs === null ? t(`doorTests.passMessages.${result.test}`) : t(`doorTests.passMessages.${result.test}Latency`, { ms: Math.round(result.latencyMs) });
  }
  if (result.verdict === 'cancelled') return t('doorTests.verdicts.cancelled');
  return result.message;
}
