import type { Position, Range } from '../diagnostic';
import type { IniEntry, IniHeader } from '../ini/scanIni';
import type { LintResult } from '../lintConfig';
import { taskView, type TaskView } from '../schema/conditions';
import { ignoredKeySpec, inVersion, keySpec, keysFor, parsedWhenOf, requiredOf, sectionSpec, sectionsFor, isRejected } from '../schema/index';
import { PROFILE_OF } from '../schema/types';
import { t } from '../i18n';
import { headerMattersText, ignoredNoteText, replacementText, sectionSummary } from '../i18n/schemaText';
import { closest } from '../rules/suggest';
import { valueHover } from './hoverValue';
import { keyDocumentation } from './keyDocs';
import { diagnosticsOnLine, targetAt } from './locate';
import { clip, code, diagnosticsSection } from './markdown';
import { maskerFor, type Masker } from './maskSecrets';
import { versionPhrase } from './versionPhrase';

// Hover: everything the schema knows about the section, key or value under the cursor, for
// the version profile in use, plus why each problem on that line fires.

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface HoverContext {
  result: LintResult;
  task: TaskView;
  mask: Masker;
}

export function hoverAt(result: LintResult, position: Position): Hover | undefined {
  const target = targetAt(result.config.scan, position);
  if (!target) return undefined;
  const ctx = contextFor(result);
  if (target.kind === 'section') return sectionHover(ctx, target.header);
  const blocks = target.kind === 'key' ? keyBlocks(ctx, target.entry) : valueHover(ctx, target.entry);
  blocks.push(...diagnosticsSection(diagnosticsOnLine(result.diagnostics, target.entry.line), ctx.mask));
  return {
    contents: blocks.join('\n\n'),
    range: target.kind === 'key' ? target.entry.keyRange : target.entry.valueRange,
  };
}

// One task view and masker per lint result: hovering is frequent, the result changes per edit.
const contexts = new WeakMap<LintResult, HoverContext>();

function contextFor(result: LintResult): HoverContext {
  let ctx = contexts.get(result);
  if (!ctx) contexts.set(result, (ctx = { result, task: taskView(result.config, result.version), mask: maskerFor(result.config) }));
  return ctx;
}

export function profileLine(result: LintResult): string {
  const profile = t(`hover.profile.${PROFILE_OF[result.version]}` as const);
  return t('hover.profile-line', { version: result.version, profile, reason: result.versionReason });
}

function sectionHover(ctx: HoverContext, header: IniHeader): Hover {
  const { result, task } = ctx;
  const name = header.name;
  const spec = sectionSpec(name);
  const blocks: string[] = [];
  if (!spec) {
    const guess = closest(name, sectionsFor(result.version));
    blocks.push(t('hover.section.unknown', { name: clip(ctx.mask(name)), guess: guess ? t('hover.section.did-you-mean', { guess }) : '' }));
  } else {
    blocks.push(`**[${name}]** — ${sectionSummary(name, spec)}`);
    const known = sectionsFor(result.version).includes(name);
    const versions = versionPhrase(spec.versions);
    blocks.push(known ? t('hover.section.read', { versions }) : t('hover.section.read-ignored', { versions, version: result.version }));
    const headerMatters = headerMattersText(name, spec);
    if (headerMatters) blocks.push(headerMatters);
    const taskLine = taskShape(task, name);
    if (taskLine) blocks.push(taskLine);
    const set = result.config.effectiveEntries(name).filter((e) => keySpec(name, e.key)).length;
    blocks.push(t('hover.section.keys-set', { set, total: keysFor(result.version, name).length, version: result.version }));
  }
  blocks.push(profileLine(result));
  blocks.push(...diagnosticsSection(diagnosticsOnLine(result.diagnostics, header.line), ctx.mask));
  return { contents: blocks.join('\n\n'), range: header.range };
}

/** What the task is, as ape-dts builds it from [extractor] and [sinker]. */
function taskShape(task: TaskView, section: string): string | undefined {
  if (section !== 'extractor' && section !== 'sinker') return undefined;
  const source = [task.eff('extractor.db_type'), task.eff('extractor.extract_type')];
  const target = [task.eff('sinker.db_type'), task.eff('sinker.sink_type')];
  const show = (v: string | undefined) => (v === undefined ? '?' : code(v));
  return t('hover.section.task', { sourceDb: show(source[0]), sourceType: show(source[1]), targetDb: show(target[0]), targetType: show(target[1]) });
}

function keyBlocks(ctx: HoverContext, e: IniEntry): string[] {
  const { task, result } = ctx;
  const title = `**[${clip(e.section)}] ${clip(ctx.mask(e.key))}**`;
  if (!e.header) {
    return [t('hover.key.before-header', { title })];
  }
  const spec = keySpec(e.section, e.key);
  if (!spec) return unknownKeyBlocks(ctx, e, title);
  const blocks = [title, keyDocumentation(e.section, e.key, spec, task)];
  const notes: string[] = [];
  if (!isRejected(spec, result.version) && inVersion(spec.versions, result.version)) {
    const read = task.holds(parsedWhenOf(spec, result.version), e.section, spec);
    if (!read) notes.push(t('hover.key.not-read'));
    else if (task.holds(requiredOf(spec, result.version), e.section, spec)) notes.push(t('hover.key.required'));
  }
  const all = result.config.entries(e.section, e.key);
  if (all.length > 1 && all[all.length - 1] !== e) notes.push(t('hover.key.set-again', { line: all[all.length - 1].line + 1 }));
  if (notes.length) blocks.push(notes.join(' '));
  return blocks;
}

function unknownKeyBlocks(ctx: HoverContext, e: IniEntry, title: string): string[] {
  const { result } = ctx;
  const section = sectionSpec(e.section);
  if (!section) return [t('hover.key.in-unknown-section', { title, section: clip(ctx.mask(e.section)) })];
  const own = section.ignoredKeys && Object.hasOwn(section.ignoredKeys, e.key) ? section.ignoredKeys[e.key] : undefined;
  const ignored = ignoredKeySpec(e.section, e.key, result.version) ?? own;
  if (ignored) {
    const replacement = replacementText(e.section, e.key, ignored);
    const instead = replacement ? t('hover.key.use-instead', { replacement }) : '';
    const note = ignoredNoteText(e.section, e.key, ignored);
    return [t('hover.key.ignored', { title, versions: versionPhrase(ignored.versions), note, instead })];
  }
  const guess = closest(e.key, keysFor(result.version, e.section));
  return [t('hover.key.unknown', { title, version: result.version, section: e.section, guess: guess ? t('hover.key.did-you-mean', { guess: code(guess) }) : '' })];
}
