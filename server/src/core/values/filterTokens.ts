// ape-dts splits filter and router lists into names at task start, with the escape pair of
// the EXTRACTOR's db_type (MySQL-like: backticks, PG/Redis: double quotes, others: none)
// and, from 2.0.25, r#regex# tokens. A delimiter inside an escape pair is part of the name.

export interface Token {
  text: string;
  /** Offset in the value where the token starts. */
  start: number;
  escaped: boolean;
}

export function escapeCharFor(dbType: string | undefined): string | undefined {
  if (dbType === 'mysql' || dbType === 'clickhouse' || dbType === 'starrocks' || dbType === 'doris' || dbType === 'tidb') return '`';
  if (dbType === 'pg' || dbType === 'redis') return '"';
  return undefined;
}

/** Splits `value` on any of `delimiters` outside escape pairs and r#…# regex tokens. */
export function tokenize(value: string, delimiters: string, escape: string | undefined, regexTokens: boolean): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  let i = 0;
  let escaped = false;
  while (i < value.length) {
    const c = value[i];
    if (regexTokens && c === 'r' && value[i + 1] === '#' && i === start) {
      const end = value.indexOf('#', i + 2);
      if (end > 0) {
        i = end + 1;
        escaped = true;
        continue;
      }
    }
    if (escape && c === escape) {
      const end = value.indexOf(escape, i + 1);
      if (end > 0) {
        i = end + 1;
        escaped = true;
        continue;
      }
    }
    if (delimiters.includes(c)) {
      tokens.push({ text: value.slice(start, i), start, escaped });
      start = i + 1;
      escaped = false;
    }
    i++;
  }
  tokens.push({ text: value.slice(start), start, escaped });
  return tokens;
}
