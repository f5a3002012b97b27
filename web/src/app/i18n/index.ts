import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MODULES } from '../modules.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'fazhi.language';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const merge = (lng: Language, base: Record<string, unknown>) =>
  Object.assign({}, base, ...MODULES.map((m) => m.messages[lng]));

function applyLanguage(lng: string) {
  dayjs.locale(lng === 'en-US' ? 'en' : 'zh-cn');
  document.documentElement.lang = lng;
}

i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: merge('zh-CN', zhCN) },
    'en-US': { translation: merge('en-US', enUS) },
  },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export const currentLanguage = (): Language => (i18n.language === 'en-US' ? 'en-US' : 'zh-CN');

export function setLanguage(lng: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(lng);
}

/** Picks the zh or en variant of a bilingual name from the shared contracts. */
export const bilingual = (m: { zh: string; en: string }) => (currentLanguage() === 'en-US' ? m.en : m.zh);

export default i18n;
