import { sql, type RawBuilder } from 'kysely';
import { FIELDS } from './upload-headers.js';
import { headerOf, ISSUE_MESSAGES, LANGS, parseTemplate, type Lang, type Part } from './upload-messages.js';

/*
 * The search over upload issues (`q`) runs in the database, so that paging and `total` count only
 * the rows that match. It matches the message in the language asked, so the message is rendered
 * here in SQL from the same catalogue as upload-messages.ts renders it in TypeScript: the same
 * variant choice, number and date formats, field headers and fallback to the stored message.
 * Every catalogue text and header is a bound parameter. tests/uploads/upload-issue-search.test.ts
 * checks that any issue is found by its own rendered message, in both languages.
 */

const p = (name: string) => sql`(params -> ${name}::text)`;
const scalarText = (name: string, lang: Lang) => {
  const number = lang === 'vi' ? sql`replace(${p(name)} #>> '{}', '.', ',')` : sql`(${p(name)} #>> '{}')`;
  return sql`(case jsonb_typeof(${p(name)}) when 'string' then ${p(name)} #>> '{}' when 'number' then ${number} else '' end)`;
};

/** An ISO date as DD/MM/YYYY in Vietnamese, as formatValue does; anything else as a scalar. */
const dateText = (name: string, lang: Lang) => {
  if (lang !== 'vi') return scalarText(name, lang);
  const t = sql`(${p(name)} #>> '{}')`;
  return sql`(case when jsonb_typeof(${p(name)}) = 'string' and ${t} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    then substr(${t}, 9, 2) || '/' || substr(${t}, 6, 2) || '/' || substr(${t}, 1, 4) else ${scalarText(name, lang)} end)`;
};

const fieldText = (lang: Lang) =>
  sql`(case field ${sql.join(FIELDS.map((f) => sql`when ${f}::text then ${headerOf(f, lang)}::text`), sql` `)} else coalesce(field, '') end)`;

function partSql(part: Part, lang: Lang): RawBuilder<unknown> {
  switch (part.type) {
    case 'text': return sql`${part.text}::text`;
    case 'field': return fieldText(lang);
    case 'header': return sql`${headerOf(part.field, lang)}::text`;
    case 'value': return sql`coalesce(value, '')`;
    case 'param':
      if (part.format === null) return scalarText(part.name, lang);
      if (part.format === 'date') return dateText(part.name, lang);
      throw new Error(`upload issue messages cannot use {${part.name}:${part.format}}: the search renders them in SQL`);
  }
}

/** CASE over the catalogue: variants (code and params.kind) first, then the code's own text, else the stored message. */
function messageSql(lang: Lang): RawBuilder<string> {
  const variants: RawBuilder<unknown>[] = [], generic: RawBuilder<unknown>[] = [];
  for (const [key, texts] of Object.entries(ISSUE_MESSAGES)) {
    const dot = key.indexOf('.');
    const body = sql.join(parseTemplate(texts![lang]).map((part) => partSql(part, lang)), sql` || `);
    if (dot < 0) generic.push(sql`when code = ${key}::text then ${body}`);
    else {
      variants.push(sql`when code = ${key.slice(0, dot)}::text and jsonb_typeof(params -> 'kind') = 'string'
        and params ->> 'kind' = ${key.slice(dot + 1)}::text then ${body}`);
    }
  }
  return sql<string>`(case when params is null or jsonb_typeof(params) <> 'object' then message
    ${sql.join([...variants, ...generic], sql` `)} else message end)`;
}

// Built once: a raw builder binds its parameters afresh each time a query is compiled.
const MESSAGE_SQL = Object.fromEntries(LANGS.map((lang) => [lang, messageSql(lang)])) as Record<Lang, RawBuilder<string>>;

/**
 * Folded as foldKey folds: NFD without combining marks, đ → d, then lower(), which the ASCII left
 * handles in any locale; runs of spaces as one, as a page shows them (a message with an empty
 * parameter has two). Both sides of the match are folded by this one expression.
 */
const fold = (text: RawBuilder<unknown>) =>
  sql<string>`regexp_replace(lower(translate(regexp_replace(normalize(${text}, NFD), ${'[\u0300-\u036f]'}::text, '', 'g'), 'Đđ', 'dd')), ' {2,}', ' ', 'g')`;

/** The text a person types: ends trimmed, control characters (tab, line break) and runs of spaces as one space. */
export const searchTerm = (q: string | undefined): string => (q ?? '').replace(/[ \u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * Code, field, value or the message in `lang` contains `q`, case- and accent-insensitively
 * ("vi do" finds "Vĩ độ"). chr(31) keeps a match from spanning two columns: searchTerm() leaves
 * no control character in `q`.
 */
export function issueMatchesSql(q: string, lang: Lang): RawBuilder<boolean> {
  const haystack = sql`code || chr(31) || coalesce(field, '') || chr(31) || coalesce(value, '') || chr(31) || ${MESSAGE_SQL[lang]}`;
  return sql<boolean>`strpos(${fold(haystack)}, ${fold(sql`${q}::text`)}) > 0`;
}
