import type { IniEntry } from '../ini/scanIni';
import { ENUMS } from '../schema/enums';
import { defaultOf, enumValues, keySpec, startupValuesOf, typeOf } from '../schema/index';
import type { KeySpec } from '../schema/types';
import { isPlaceholder } from '../values/parseValue';
import type { HoverContext } from './hover';
import { jsonView } from './jsonShape';
import { allowedWords, defaultWords } from './keyDocs';
import { clip, code, codeBlock } from './markdown';
import { isSecretKey, maskValue } from './maskSecrets';

// Hover on a value: what ape-dts makes of this exact text.

export function valueHover(ctx: HoverContext, e: IniEntry): string[] {
  const value = e.value ?? '';
  const secret = isSecretKey(e.section, e.key);
  const shown = secret && value !== '' ? '(hidden)' : code(clip(ctx.mask(maskValue(e.section, e.key, value))));
  const blocks = [`**[${e.section}] ${clip(ctx.mask(e.key))}** = ${shown}`];
  const spec = e.header ? keySpec(e.section, e.key) : undefined;
  if (!spec) {
    blocks.push('ape-dts does not read this key, so this value has no effect.');
    return blocks;
  }
  blocks.push(spec.summary);
  if (value === '') {
    blocks.push(emptyWords(ctx, spec));
    return blocks;
  }
  if (isPlaceholder(value)) {
    blocks.push(`A ${code('{placeholder}')}: filled in before the task runs (as ape-dts's test harness does), so it is not checked.`);
    return blocks;
  }
  if (secret) return blocks;
  blocks.push(...meaning(ctx, e, spec, value));
  const def = defaultOf(spec, ctx.task.version);
  if (def !== undefined && def !== '' && def === value) blocks.push('Same as the default; the line could be left out.');
  return blocks;
}

function emptyWords(ctx: HoverContext, spec: KeySpec): string {
  const def = defaultWords(spec, ctx.task.version);
  const base = 'Empty: ape-dts treats an empty value like a missing key';
  const tail = def ? `, so the default applies: ${def}` : ', and this key has no default.';
  const presence = spec.presenceSensitive ? ' For this key, though, writing it with an empty value is not the same as leaving it out.' : '';
  return `${base}${tail}${presence}`;
}

function meaning(ctx: HoverContext, e: IniEntry, spec: KeySpec, value: string): string[] {
  const { task } = ctx;
  const type = typeOf(spec, task.version);
  if (type.kind === 'enum') {
    const allowed = enumValues(type.enum, task.version);
    const candidate = ENUMS[type.enum].caseSensitive ? value : value.toLowerCase();
    const verdict = allowed.includes(candidate)
      ? `${code(value)} is one of the ${type.enum} values ape-dts ${task.version} accepts.`
      : `${code(clip(ctx.mask(value)))} is not one of the ${type.enum} values of ${task.version}.`;
    return [verdict, ...allowedWords(e.section, e.key, spec, task)];
  }
  if (type.kind === 'bool') {
    return [value === 'true' || value === 'false' ? `Boolean ${code(value)}.` : 'Only `true` or `false` (lowercase) parse; anything else stops ape-dts at load.'];
  }
  switch (spec.format) {
    case 'json-array':
    case 'json':
      return jsonWords(ctx, value);
    case 'url':
      return urlWords(ctx, value);
    case 'path':
      return ['A relative path is resolved against the folder ape-dts is started from (its working directory), not the folder of this file.'];
    case 'csv':
      return csvWords(ctx, spec, value);
    default:
      return [];
  }
}

function jsonWords(ctx: HoverContext, value: string): string[] {
  const view = jsonView(value);
  if (!view.ok) return [`JSON: ${clip(ctx.mask(view.summary), 400)} — ape-dts fails when the task starts.`];
  const summary = `Parsed JSON: ${code(clip(ctx.mask(view.summary), 400))}`;
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
  const parts = [`scheme ${code(url.protocol + '//')}`];
  if (url.host) parts.push(`host ${code(clip(ctx.mask(url.host)))}`);
  if (url.username) parts.push(`user ${code(clip(ctx.mask(decodeSafe(url.username))))}`);
  if (url.password) parts.push('password (hidden)');
  const db = url.pathname.replace(/^\//, '');
  if (db) parts.push(`database ${code(clip(ctx.mask(decodeSafe(db))))}`);
  return [`Connection: ${parts.join(', ')}.`];
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
  if (value === '*') return ['`*` stands for every value.'];
  const tokens = value.split(',').map((t) => t.trim());
  const unknown = [...new Set(tokens.filter((t) => t !== '' && !allowed.includes(t)))];
  if (unknown.length === 0) return [`${tokens.length} value${tokens.length === 1 ? '' : 's'}, all known.`];
  // A long list is named in part: a hover is read, not scrolled.
  const named = unknown.slice(0, 10).map((t) => code(clip(ctx.mask(t), 60)));
  const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : '';
  return [`Not known to ape-dts ${ctx.task.version}: ${named.join(', ')}${more} — such names are not rejected, they silently never match.`];
}
