import { describe, expect, it } from 'vitest';
import { halfInLanguage } from '../../client/bilingual.js';

describe('a server message in both languages', () => {
  it('gives the half in the page language, and nothing for any other message', () => {
    const both = 'Wrong username or password, or the account is disabled. / Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.';
    expect(halfInLanguage(both, 'en')).toBe('Wrong username or password, or the account is disabled.');
    expect(halfInLanguage(both, 'vi')).toBe('Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.');
    expect(halfInLanguage('Sign in to use this. / Hãy đăng nhập để sử dụng chức năng này.', 'vi')).toBe('Hãy đăng nhập để sử dụng chức năng này.');
    expect(halfInLanguage('Too many attempts', 'vi')).toBeNull();
    expect(halfInLanguage('a / b', 'en')).toBeNull();
  });
});
