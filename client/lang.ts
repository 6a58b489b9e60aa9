/**
 * The one language of the whole app (map, upload, sign-in, report): chosen on any page, kept
 * in localStorage, and where every page starts. A `?lang=` in the URL wins, so a shared link
 * opens in its language, and it becomes the choice for the pages opened after it.
 */
export type AppLang = 'vi' | 'en';

const KEY = 'lang';
const asLang = (v: string | null | undefined): AppLang | null => (v === 'vi' || v === 'en' ? v : null);

function stored(): AppLang | null {
  try {
    return asLang(localStorage.getItem(KEY));
  } catch {
    return null; // storage blocked (privacy settings): every page starts in Vietnamese
  }
}

/** Keeps the choice for every page; called on each switch. */
export function rememberLang(lang: AppLang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // no storage: the choice lasts as long as this page
  }
}

/** The language this page starts in: ?lang=, else the last choice on any page, else Vietnamese. */
export function pageLang(search: string = location.search): AppLang {
  const lang = asLang(new URLSearchParams(search).get('lang')) ?? stored() ?? 'vi';
  rememberLang(lang);
  return lang;
}

/**
 * Calls `apply` when the language is switched on another page of the app open in another tab,
 * so this one follows (and its URL, which may say ?lang=, no longer contradicts the choice).
 */
export function followLangChanges(apply: (lang: AppLang) => void): void {
  window.addEventListener('storage', (e) => {
    const lang = e.key === KEY ? asLang(e.newValue) : null;
    if (lang) apply(lang);
  });
}
