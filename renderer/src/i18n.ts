import { createTranslator, isLang, langFromLocale, type Lang } from '../../shared/i18n/index.ts';

const STORAGE_KEY = 'doorman.lang';

/** Each language named in itself, so a user can find theirs whatever the UI language is. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = {
  'zh-CN': '简体中文',
  en: 'English',
};

function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value !== null && isLang(value) ? value : null;
  } catch {
    // Storage can be unavailable (privacy settings); the locale default still works.
    return null;
  }
}

/** The user's earlier choice, else the system's language. */
function initialLang(): Lang {
  return storedLang() ?? langFromLocale(navigator.language);
}

/** The renderer's one translator; react-i18next reads it through I18nextProvider. */
export const i18n = createTranslator(initialLang());

function applyToDocument(): void {
  document.documentElement.lang = currentLang();
  document.title = i18n.t('app.name');
}

applyToDocument();
i18n.on('languageChanged', applyToDocument);

export function currentLang(): Lang {
  const lang = i18n.language;
  return isLang(lang) ? lang : 'en';
}

/** Switch every text now and remember the choice on this computer. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched for this session.
  }
  void i18n.changeLanguage(lang);
}
