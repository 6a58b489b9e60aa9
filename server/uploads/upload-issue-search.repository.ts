import { sql, type RawBuilder } from 'kysely';
import { FIELDS } from './upload-headers.js';
import { headerOf, ISSUE_MESSAGES, LANGS, parseTemplate, type Lang, type Part } from './upload-messages.js';

/*
 * The search over upload issues (`q`) runs in the database, so that paging and `total` count only
 * the rows that match. It matches the message in the language asked, so the message is rendered
 * here in SQL from the same catalogue as upload-messages.ts renders it in TypeScript: the same
 * variant choice, number and date formats, field headers and fallback to the stored message.
 * It is rendered already folded (see fold): the catalogue's own texts are folded once here, so the
 * database folds only what comes from the file. Every text is a bound parameter.
 * tests/uploads/upload-issue-search.test.ts checks that any issue is found by its own rendered
 * message, in both languages, and that both folds agree on the catalogue.
 */

const MARKS = '[\u0300-\u036f]';

/** fold() in TypeScript, for the catalogue's constant texts (a test checks it against the SQL). */
export const foldText = (text: string) => text.normalize('NFD').replace(new RegExp(MARKS, 'g'), '').replace(/[đĐ]/g, 'd').toLowerCase();

/**
 * Folded for search: NFD without combining marks, đ → d, then lower(), which the ASCII left handles
 * in any locale. ASCII text (codes, most values) skips the costly normalize(). Folding the parts of
 * a message one by one equals folding it whole, as no two placeholders are adjacent and no text
 * starts or ends with a combining mark (tests check both).
 */
export const fold = (text: RawBuilder<unknown>) => sql<string>`(case when octet_length(${text}) = char_length(${text}) then lower(${text})
  else lower(translate(regexp_replace(normalize(${text}, NFD), ${MARKS}::text, '', 'g'), 'Đđ', 'dd')) end)`;

const p = (name: string) => sql`(params -> ${name}::text)`;
// Numbers and ISO dates print as ASCII digits, '.', ',', '-', '/': nothing to fold.
const scalarText = (name: string, lang: Lang) => {
  const number = lang === 'vi' ? sql`replace(${p(name)} #>> '{}', '.', ',')` : sql`(${p(name)} #>> '{}')`;
  return sql`(case jsonb_typeof(${p(name)}) when 'string' then ${fold(sql`(${p(name)} #>> '{}')`)} when 'number' then ${number} else '' end)`;
};

/** An ISO date as DD/MM/YYYY in Vietnamese, as formatValue does; anything else as a scalar. */
const dateText = (name: string, lang: Lang) => {
  if (lang !== 'vi') return scalarText(name, lang);
  const t = sql`(${p(name)} #>> '{}')`;
  return sql`(case when jsonb_typeof(${p(name)}) = 'string' and ${t} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    then substr(${t}, 9, 2) || '/' || substr(${t}, 6, 2) || '/' || substr(${t}, 1, 4) else ${scalarText(name, lang)} end)`;
};

const fieldText = (lang: Lang) => sql`(case field ${sql.join(FIELDS.map((f) => sql`when ${f}::text then ${foldText(headerOf(f, lang))}::text`), sql` `)}
  else ${fold(sql`coalesce(field, '')`)} end)`;

function partSql(part: Part, lang: Lang): RawBuilder<unknown> {
  switch (part.type) {
    case 'text': return sql`${foldText(part.text)}::text`;
    case 'field': return fieldText(lang);
    case 'header': return sql`${foldText(headerOf(part.field, lang))}::text`;
    case 'value': return fold(sql`coalesce(value, '')`);
    case 'param':
      if (part.format === null) return scalarText(part.name, lang);
      if (part.format === 'date') return dateText(part.name, lang);
      throw new Error(`upload issue messages cannot use {${part.name}:${part.format}}: the search renders them in SQL`);
  }
}

/**
 * CASE over the catalogue, folded: by code (evaluated once), then by params.kind for a variant,
 * else the code's own text; params null (rows saved before 0007) or no text: the stored message.
 */
function foldedMessageSql(lang: Lang): RawBuilder<string> {
  const byCode = new Map<string, { generic?: RawBuilder<unknown>; variants: RawBuilder<unknown>[] }>();
  for (const [key, texts] of Object.entries(ISSUE_MESSAGES)) {
    const [code, kind] = key.split('.') as [string, string | undefined];
    const body = sql.join(parseTemplate(texts![lang]).map((part) => partSql(part, lang)), sql` || `);
    const entry = byCode.get(code) ?? byCode.set(code, { variants: [] }).get(code)!;
    if (kind === undefined) entry.generic = body;
    else entry.variants.push(sql`when ${kind}::text then ${body}`);
  }
  const stored = fold(sql`message`);
  const kind = sql`(case when jsonb_typeof(params -> 'kind') = 'string' then params ->> 'kind' end)`;
  const branches = [...byCode].map(([code, { generic, variants }]) => {
    const fallback = generic ?? stored;
    return sql`when ${code}::text then ${variants.length ? sql`(case ${kind} ${sql.join(variants, sql` `)} else ${fallback} end)` : fallback}`;
  });
  return sql<string>`(case when params is null or jsonb_typeof(params) <> 'object' then ${stored}
    else (case code ${sql.join(branches, sql` `)} else ${stored} end) end)`;
}

// Built once: a raw builder binds its parameters afresh each time a query is compiled.
const MESSAGE_SQL = Object.fromEntries(LANGS.map((lang) => [lang, foldedMessageSql(lang)])) as Record<Lang, RawBuilder<string>>;

// Runs of spaces as one, as a page shows them (a message with an empty parameter has two).
const collapse = (text: RawBuilder<unknown>) => sql<string>`regexp_replace(${text}, ' {2,}', ' ', 'g')`;

/** The text a person types: ends trimmed, control characters (tab, line break) and runs of spaces as one space. */
export const searchTerm = (q: string | undefined): string => (q ?? '').replace(/[ \u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * Code, field, value, the station or the message in `lang` contains `q`, case- and accent-insensitively
 * ("vi do" finds "Vĩ độ"). chr(31) keeps a match from spanning two columns: searchTerm() leaves
 * no control character in `q`.
 */
export function issueMatchesSql(q: string, lang: Lang): RawBuilder<boolean> {
  const haystack = sql`${fold(sql`code`)} || chr(31) || ${fold(sql`coalesce(field, '')`)} || chr(31) || ${fold(sql`coalesce(value, '')`)} || chr(31) || ${fold(sql`coalesce(station_code, '')`)} || chr(31) || ${MESSAGE_SQL[lang]}`;
  return sql<boolean>`strpos(${collapse(haystack)}, ${collapse(fold(sql`${q}::text`))}) > 0`;
}
