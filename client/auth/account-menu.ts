import './auth.css';
import { authApi, canUpload, type Me } from './auth-api.js';
import { authText, currentLang, roleKey } from './auth-i18n.js';
import { el } from './el.js';

/**
 * The account menu of the map page, self-mounting: it finds the header tools the map client
 * renders (and renders again on a language change), adds "Sign in" or the user's name and
 * "Sign out", and hides the upload link from roles that cannot upload (the server refuses
 * them regardless).
 */
let me: Me | null = null;

function menu(): HTMLElement {
  const lang = currentLang();
  const t = (k: Parameters<typeof authText>[1], v?: Record<string, string>) => authText(lang, k, v);
  const here = location.pathname + location.search;
  const loginHref = `/login.html?next=${encodeURIComponent(here)}${lang === 'en' ? '&lang=en' : ''}`;
  if (!me?.user) {
    return el('div', { class: 'account-menu', 'data-testid': 'account-menu' }, el('a', { class: 'account-link', href: loginHref, 'data-testid': 'sign-in-link' }, t('signIn')));
  }
  const u = me.user;
  return el('div', { class: 'account-menu', 'data-testid': 'account-menu', 'data-role': u.role },
    el('a', { class: 'account-link', href: `/login.html${lang === 'en' ? '?lang=en' : ''}`, title: t('account'), 'data-testid': 'account-name' },
      `${u.displayName} · ${t(roleKey(u.role))}`),
    el('button', { type: 'button', class: 'account-link', 'data-testid': 'sign-out', onclick: async () => { await authApi.logout(); location.reload(); } }, t('signOut')));
}

function attach(): void {
  const tools = document.querySelector('.header-tools');
  if (!tools || !me) return;
  const upload = tools.querySelector<HTMLElement>('[data-testid="upload-link"]');
  if (upload) upload.hidden = !canUpload(me.user?.role);
  const existing = tools.querySelector('[data-testid="account-menu"]');
  if (existing && existing.getAttribute('lang') === currentLang()) return;
  const next = menu();
  next.setAttribute('lang', currentLang());
  if (existing) existing.replaceWith(next);
  else tools.append(next);
}

export async function mountAccountMenu(): Promise<void> {
  me = await authApi.me().catch(() => null);
  // PUBLIC_READ=false: the map has nothing to show a visitor, so go straight to signing in.
  if (me && !me.user && !me.publicRead && !location.pathname.endsWith('/login.html')) {
    location.replace(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
    return;
  }
  attach();
  // The header is rebuilt on language and set changes: put the menu back each time.
  new MutationObserver(() => attach()).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['lang'] });
  new MutationObserver(() => attach()).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

void mountAccountMenu();
