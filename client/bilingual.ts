/** Letters only Vietnamese has: tell a Vietnamese text from an English one. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/**
 * A server message written "English / Tiếng Việt" (sign-in refusals, before the server knows
 * the page's language): the half in `lang`, when exactly one half is Vietnamese; null when the
 * message is not such a pair.
 */
export function halfInLanguage(message: string, lang: 'vi' | 'en'): string | null {
  const halves = message.split(' / ');
  if (halves.length !== 2) return null;
  const [a, b] = halves as [string, string];
  const viA = VIETNAMESE.test(a), viB = VIETNAMESE.test(b);
  return viA === viB ? null : (lang === 'vi') === viA ? a : b;
}

export const looksVietnamese = (text: string): boolean => VIETNAMESE.test(text);
