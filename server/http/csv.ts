/**
 * CSV cells as RFC 4180 wants them, and safe to open in a spreadsheet: a cell that starts
 * with = + - @ (or a tab/CR) is a formula to Excel, so it gets a leading apostrophe.
 * Numbers are written as numbers, so a negative coordinate stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** A download name safe in a Content-Disposition header: ASCII letters, digits, dot, dash. */
export function safeFileName(parts: readonly (string | number | null | undefined)[], ext: string): string {
  const base = parts
    .filter((p) => p !== null && p !== undefined && p !== '')
    .map((p) => String(p).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'))
    .join('_')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 120);
  return `${base || 'export'}.${ext}`;
}
