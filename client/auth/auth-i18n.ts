export type AuthLang = 'vi' | 'en';

const vi = {
  pageTitle: 'Đăng nhập – Theo dõi triển khai 5G',
  heading: 'Đăng nhập',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  submit: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  backToMap: 'Về bản đồ',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  account: 'Tài khoản',
  signedInAs: 'Đã đăng nhập: {name}',
  changePassword: 'Đổi mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)',
  save: 'Lưu',
  passwordChanged: 'Đã đổi mật khẩu. Hãy đăng nhập lại.',
  upload: 'Tải dữ liệu lên',
  roleAdmin: 'Quản trị', rolePlanner: 'Lập kế hoạch', roleOperator: 'Nhà mạng', roleInspector: 'Thanh tra',
  limitedTo: 'Chỉ xem các địa bàn: {areas}',
  retryIn: 'Thử lại sau {seconds} giây.',
  publicNote: 'Khách chưa đăng nhập chỉ xem được số liệu theo địa bàn.',
};
const en: typeof vi = {
  pageTitle: 'Sign in – 5G rollout tracker',
  heading: 'Sign in',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  signingIn: 'Signing in…',
  backToMap: 'Back to the map',
  signIn: 'Sign in',
  signOut: 'Sign out',
  account: 'Account',
  signedInAs: 'Signed in as {name}',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password (10 characters or more)',
  save: 'Save',
  passwordChanged: 'Password changed. Please sign in again.',
  upload: 'Upload data',
  roleAdmin: 'Admin', rolePlanner: 'Planner', roleOperator: 'Operator', roleInspector: 'Inspector',
  limitedTo: 'Limited to areas: {areas}',
  retryIn: 'Try again in {seconds} s.',
  publicNote: 'Visitors who are not signed in see area-level figures only.',
};

export type AuthKey = keyof typeof vi;
const DICTS: Record<AuthLang, typeof vi> = { vi, en };

export function authText(lang: AuthLang, key: AuthKey, vars: Record<string, string> = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

export const roleKey = (role: string): AuthKey =>
  (({ admin: 'roleAdmin', planner: 'rolePlanner', operator: 'roleOperator', inspector: 'roleInspector' }) as Record<string, AuthKey>)[role] ?? 'account';

/** The language of the page the account menu sits in: the page chose it (client/lang.ts) and set it on <html>. */
export function currentLang(): AuthLang {
  return document.documentElement.lang === 'en' ? 'en' : 'vi';
}
