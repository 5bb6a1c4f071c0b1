import { RECOMMENDED_PARALLEL_TYPE } from '../schema/combos';
import { SECTIONS } from '../schema/index';
import type { IgnoredKeySpec, KeySpec, SectionSpec } from '../schema/types';
import { currentLocale } from './locale';
import { SCHEMA_TEXT_ZH_CN } from './schemaText.zh-cn';

// The schema's prose (summaries, notes) in the user's language. The English stays in the
// schema data as the source of truth; the Chinese lives in schemaText.zh-cn.ts under an id
// per field:
//   <section>                          section summary
//   <section>#headerMatters            what the header alone does
//   <section>.<key>                    key summary
//   <section>.<key>#defaultNote        how a computed default is derived
//   <section>.<key>#replacement        what replaces a key (also for ignored keys)
//   <section>.<key>#note               why an ignored key is ignored
//   parallel_type_advice.<task>#note   a note of RECOMMENDED_PARALLEL_TYPE
// A field without a Chinese text falls back to the English (a test keeps the table complete).

export interface SchemaProse {
  id: string;
  english: string;
}

/** The text of one prose field: Chinese when the locale is zh-cn and a translation exists. */
export function schemaText(id: string, english: string): string {
  if (currentLocale() === 'zh-cn' && Object.hasOwn(SCHEMA_TEXT_ZH_CN, id)) return SCHEMA_TEXT_ZH_CN[id];
  return english;
}

export const sectionSummary = (section: string, spec: SectionSpec): string => schemaText(section, spec.summary);

export const headerMattersText = (section: string, spec: SectionSpec): string | undefined =>
  spec.headerMatters === undefined ? undefined : schemaText(`${section}#headerMatters`, spec.headerMatters);

export const keySummary = (section: string, key: string, spec: KeySpec): string => schemaText(`${section}.${key}`, spec.summary);

export const defaultNoteText = (section: string, key: string, spec: KeySpec): string | undefined =>
  spec.defaultNote === undefined ? undefined : schemaText(`${section}.${key}#defaultNote`, spec.defaultNote);

export const replacementText = (section: string, key: string, spec: KeySpec | IgnoredKeySpec): string | undefined =>
  spec.replacement === undefined ? undefined : schemaText(`${section}.${key}#replacement`, spec.replacement);

export const ignoredNoteText = (section: string, key: string, spec: IgnoredKeySpec): string => schemaText(`${section}.${key}#note`, spec.note);

/** Every prose field of the schema with its id, for the completeness test. */
export function schemaProse(): SchemaProse[] {
  const out: SchemaProse[] = [];
  const add = (id: string, english: string | undefined) => {
    if (english !== undefined) out.push({ id, english });
  };
  for (const [section, spec] of Object.entries(SECTIONS)) {
    add(section, spec.summary);
    add(`${section}#headerMatters`, spec.headerMatters);
    for (const [key, k] of Object.entries(spec.keys)) {
      add(`${section}.${key}`, k.summary);
      add(`${section}.${key}#defaultNote`, k.defaultNote);
      add(`${section}.${key}#replacement`, k.replacement);
    }
    for (const [key, k] of Object.entries(spec.ignoredKeys ?? {})) {
      add(`${section}.${key}#note`, k.note);
      add(`${section}.${key}#replacement`, k.replacement);
    }
  }
  for (const advice of RECOMMENDED_PARALLEL_TYPE) add(`parallel_type_advice.${advice.task}#note`, advice.note);
  return out;
}
