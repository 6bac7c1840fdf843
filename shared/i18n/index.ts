import { createInstance, type i18n as I18n } from 'i18next';
import { en } from './en.ts';
import { groupingFormatter } from './number-format.ts';
import { zhCN } from './zh-CN.ts';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Chinese for any zh locale (zh, zh-CN, zh-Hans-CN, zh-TW…), English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh(?:[-_.]|$)/i.test(locale) ? 'zh-CN' : 'en';
}

/** A ready i18next instance (synchronous: the catalogs are bundled, nothing is fetched). */
export function createTranslator(lang: Lang): I18n {
  const instance = createInstance().use(groupingFormatter);
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    // Every plain {{value}} goes through groupingFormatter: quantities are grouped by the
    // language ("80,000"), identifiers and row numbers are not (issue 12 item 11).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  return instance;
}
