/** A text in both of Doorman's languages. */
type LocalizedText = { readonly en: string; readonly 'zh-CN': string };

/** Doorman's own words for the alarms its rules raise (the vendors' words are in their alarm tables). */
export function repeatedDenialsReason(threshold: number, windowMinutes: number): LocalizedText {
  return {
    en: `${threshold} denied passes at this door within ${windowMinutes} min`,
    'zh-CN': `${windowMinutes} 分钟内此门 ${threshold} 次拒绝通行`,
  };
}

export function offlineReason(backendName: string, why: LocalizedText | null): LocalizedText {
  return {
    en: `${backendName} is offline${why ? `: ${why.en}` : ''}`,
    'zh-CN': `${backendName} 已离线${why ? `：${why['zh-CN']}` : ''}`,
  };
}
