import type { IniEntry } from '../ini/scanIni';
import { ENUMS } from '../schema/enums';
import { defaultOf, enumValues, keySpec, startupValuesOf, typeOf } from '../schema/index';
import type { KeySpec } from '../schema/types';
import { isPlaceholder } from '../values/parseValue';
import { t } from '../i18n';
import { keySummary } from '../i18n/schemaText';
import type { HoverContext } from './hover';
import { jsonView } from './jsonShape';
import { allowedWords, defaultWords } from './keyDocs';
import { clip, code, codeBlock } from './markdown';
import { isSecretKey, maskValue } from './maskSecrets';

// Hover on a value: what ape-dts makes of this exact text.

export function valueHover(ctx: HoverContext, e: IniEntry): string[] {
  const value = e.value ?? '';
  const secret = isSecretKey(e.section, e.key);
  const shown = secret && value !== '' ? t('hover.value.hidden') : code(clip(ctx.mask(maskValue(e.section, e.key, value))));
  const blocks = [`**[${e.section}] ${clip(ctx.mask(e.key))}** = ${shown}`];
  const spec = e.header ? keySpec(e.section, e.key) : undefined;
  if (!spec) {
    blocks.push(t('hover.value.key-not-read'));
    return blocks;
  }
  blocks.push(keySummary(e.section, e.key, spec));
  if (value === '') {
    blocks.push(emptyWords(ctx, e, spec));
    return blocks;
  }
  if (isPlaceholder(value)) {
    blocks.push(t('hover.value.placeholder', { sample: code('{placeholder}') }));
    return blocks;
  }
  if (secret) return blocks;
  blocks.push(...meaning(ctx, e, spec, value));
  const def = defaultOf(spec, ctx.task.version);
  if (def !== undefined && def !== '' && def === value) blocks.push(t('hover.value.same-as-default'));
  return blocks;
}

function emptyWords(ctx: HoverContext, e: IniEntry, spec: KeySpec): string {
  const def = defaultWords(e.section, e.key, spec, ctx.task.version);
  const base = def ? t('hover.value.empty.default', { default: def }) : t('hover.value.empty.no-default');
  const presence = spec.presenceSensitive ? t('hover.value.empty.presence') : '';
  return `${base}${presence}`;
}

function meaning(ctx: HoverContext, e: IniEntry, spec: KeySpec, value: string): string[] {
  const { task } = ctx;
  const type = typeOf(spec, task.version);
  if (type.kind === 'enum') {
    const allowed = enumValues(type.enum, task.version);
    const candidate = ENUMS[type.enum].caseSensitive ? value : value.toLowerCase();
    const verdict = allowed.includes(candidate)
      ? t('hover.value.enum.accepted', { value: code(value), enum: type.enum, version: task.version })
      : t('hover.value.enum.rejected', { value: code(clip(ctx.mask(value))), enum: type.enum, version: task.version });
    return [verdict, ...allowedWords(e.section, e.key, spec, task)];
  }
  if (type.kind === 'bool') {
    return [value === 'true' || value === 'false' ? t('hover.value.bool', { value: code(value) }) : t('hover.value.bool.invalid')];
  }
  switch (spec.format) {
    case 'json-array':
    case 'json':
      return jsonWords(ctx, value);
    case 'url':
      return urlWords(ctx, value);
    case 'path':
      return [t('hover.value.path')];
    case 'csv':
      return csvWords(ctx, spec, value);
    default:
      return [];
  }
}

function jsonWords(ctx: HoverContext, value: string): string[] {
  const view = jsonView(value);
  if (!view.ok) return [t('hover.value.json.invalid', { summary: clip(ctx.mask(view.summary), 400) })];
  const summary = t('hover.value.json.parsed', { summary: code(clip(ctx.mask(view.summary), 400)) });
  if (view.pretty === undefined) return [summary];
  const pretty = ctx.mask(view.pretty).split('\n').map((l) => clip(l, 200)).join('\n');
  return [summary, codeBlock('json', pretty)];
}

function urlWords(ctx: HoverContext, value: string): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [];
  }
  const parts = [t('hover.value.url.scheme', { value: code(url.protocol + '//') })];
  if (url.host) parts.push(t('hover.value.url.host', { value: code(clip(ctx.mask(url.host))) }));
  if (url.username) parts.push(t('hover.value.url.user', { value: code(clip(ctx.mask(decodeSafe(url.username)))) }));
  if (url.password) parts.push(t('hover.value.url.password'));
  const db = url.pathname.replace(/^\//, '');
  if (db) parts.push(t('hover.value.url.database', { value: code(clip(ctx.mask(decodeSafe(db)))) }));
  return [t('hover.value.url', { parts: parts.join(t('hover.list.separator')) })];
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function csvWords(ctx: HoverContext, spec: KeySpec, value: string): string[] {
  const allowed = startupValuesOf(spec, ctx.task.version);
  if (!allowed) return [];
  if (value === '*') return [t('hover.value.csv.star')];
  const tokens = value.split(',').map((t) => t.trim());
  const unknown = [...new Set(tokens.filter((t) => t !== '' && !allowed.includes(t)))];
  if (unknown.length === 0) return [t(tokens.length === 1 ? 'hover.value.csv.known.one' : 'hover.value.csv.known.many', { count: tokens.length })];
  // A long list is named in part: a hover is read, not scrolled.
  const named = unknown.slice(0, 10).map((t) => code(clip(ctx.mask(t), 60)));
  const more = unknown.length > 10 ? t('hover.value.csv.more', { count: unknown.length - 10 }) : '';
  return [t('hover.value.csv.unknown', { version: ctx.task.version, names: named.join(t('hover.list.separator')), more })];
}
