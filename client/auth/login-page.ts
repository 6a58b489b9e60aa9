import './auth.css';
import { authApi, AuthError, type Me } from './auth-api.js';
import { pageLang, rememberLang } from '../lang.js';
import { authText, roleKey, type AuthKey, type AuthLang } from './auth-i18n.js';
import { el } from './el.js';
import { halfInLanguage } from '../bilingual.js';

/** Where to go after signing in: a path on this site only (never `//other.host`). */
export function safeNext(raw: string | null): string {
  return raw && /^\/(?!\/)[^\s\\]*$/.test(raw) ? raw : '/';
}

// Not following a switch made in another tab (followLangChanges): re-rendering would empty a half-typed form.
let lang: AuthLang = pageLang();
const t = (key: AuthKey, vars?: Record<string, string>) => authText(lang, key, vars);
const root = document.getElementById('auth')!;
/** A refusal said "English / Tiếng Việt" by the server: the page's half only. */
const inLang = (text: string) => halfInLanguage(text, lang) ?? text;

function langSwitch(me: Me | null) {
  return el('div', { class: 'auth-lang', role: 'group', 'aria-label': 'Language / Ngôn ngữ' },
    ...(['vi', 'en'] as const).map((l) => el('button', {
      type: 'button', 'aria-pressed': String(l === lang), 'data-testid': `auth-lang-${l}`,
      onclick: () => { lang = l; rememberLang(l); const u = new URL(location.href); u.searchParams.set('lang', l); history.replaceState(null, '', u); render(me); },
    }, l.toUpperCase())));
}

function message(text: string, kind: 'error' | 'info') {
  return el('p', { class: `auth-message is-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `auth-${kind}` }, text);
}

function field(label: string, input: HTMLInputElement) {
  return el('label', { class: 'auth-field' }, el('span', {}, label), input);
}

function loginForm(me: Me | null, note: string | null) {
  const username = el('input', { name: 'username', autocomplete: 'username', required: true, maxlength: '64', 'data-testid': 'login-username' });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const status = el('div', {});
  const button = el('button', { type: 'submit', 'data-testid': 'login-submit' }, t('submit'));
  const form = el('form', { class: 'auth-form', novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault();
    button.disabled = true;
    button.textContent = t('signingIn');
    try {
      await authApi.login(username.value.normalize('NFC'), password.value);
      location.assign(safeNext(new URLSearchParams(location.search).get('next')));
    } catch (err) {
      const said = inLang((err as Error).message);
      const text = err instanceof AuthError && err.retryAfter ? `${said} ${t('retryIn', { seconds: String(err.retryAfter) })}` : said;
      status.replaceChildren(message(text, 'error'));
      button.disabled = false;
      button.textContent = t('submit');
    }
  } }, field(t('username'), username), field(t('password'), password), status, button);
  return [el('h1', {}, t('heading')), note ? message(note, 'info') : null, me?.publicRead ? el('p', { class: 'auth-note' }, t('publicNote')) : null, form];
}

function accountView(me: Me & { user: NonNullable<Me['user']> }) {
  const u = me.user;
  const current = el('input', { type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'current-password' });
  const next = el('input', { type: 'password', autocomplete: 'new-password', minlength: '10', required: true, 'data-testid': 'new-password' });
  const status = el('div', {});
  const change = el('form', { class: 'auth-form', onsubmit: async (e: Event) => {
    e.preventDefault();
    try {
      await authApi.changePassword(current.value, next.value);
      render(null, t('passwordChanged'));
    } catch (err) {
      status.replaceChildren(message(inLang((err as Error).message), 'error'));
    }
  } }, el('h2', {}, t('changePassword')), field(t('currentPassword'), current), field(t('newPassword'), next), status, el('button', { type: 'submit' }, t('save')));
  return [
    el('h1', {}, t('account')),
    el('p', { 'data-testid': 'account-name' }, t('signedInAs', { name: u.displayName }), ' · ', t(roleKey(u.role)), u.operator ? ` · ${u.operator}` : ''),
    u.jurisdiction ? el('p', { class: 'auth-note' }, t('limitedTo', { areas: u.jurisdiction.areas.join(', ') })) : null,
    el('button', { type: 'button', 'data-testid': 'logout', onclick: async () => { await authApi.logout(); render(await authApi.me()); } }, t('signOut')),
    change,
  ];
}

function render(me: Me | null, note: string | null = null) {
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  const body = me?.user ? accountView(me as Me & { user: NonNullable<Me['user']> }) : loginForm(me, note);
  root.replaceChildren(langSwitch(me), ...body.filter((x): x is NonNullable<typeof x> => x !== null), el('p', {}, el('a', { href: lang === 'en' ? '/?lang=en' : '/', 'data-testid': 'back-to-map' }, t('backToMap'))));
  document.body.dataset.ready = '1';
}

authApi.me().then((me) => render(me), (err: unknown) => { render(null, (err as Error).message); });
