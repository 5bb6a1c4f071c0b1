import type { Position, Range } from '../diagnostic';
import type { IniEntry, IniHeader } from '../ini/scanIni';
import type { LintResult } from '../lintConfig';
import { taskView, type TaskView } from '../schema/conditions';
import { ignoredKeySpec, inVersion, keySpec, keysFor, parsedWhenOf, requiredOf, sectionSpec, sectionsFor, isRejected } from '../schema/index';
import { PROFILE_OF } from '../schema/types';
import { describeVersions } from '../rules/unknownNames';
import { closest } from '../rules/suggest';
import { valueHover } from './hoverValue';
import { keyDocumentation } from './keyDocs';
import { diagnosticsOnLine, targetAt } from './locate';
import { clip, code, diagnosticsSection } from './markdown';
import { maskerFor, type Masker } from './maskSecrets';

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
  return `_Checked as ape-dts ${result.version} (${PROFILE_OF[result.version]} profile): ${result.versionReason}._`;
}

function sectionHover(ctx: HoverContext, header: IniHeader): Hover {
  const { result, task } = ctx;
  const name = header.name;
  const spec = sectionSpec(name);
  const blocks: string[] = [];
  if (!spec) {
    const guess = closest(name, sectionsFor(result.version));
    blocks.push(`**[${clip(ctx.mask(name))}]** — ape-dts has no such section and ignores every key in it.${guess ? ` Did you mean [${guess}]?` : ''}`);
  } else {
    blocks.push(`**[${name}]** — ${spec.summary}`);
    const known = sectionsFor(result.version).includes(name);
    blocks.push(known ? `Read ${describeVersions(spec.versions)}.` : `Read ${describeVersions(spec.versions)}: **ape-dts ${result.version} ignores this section.**`);
    if (spec.headerMatters) blocks.push(spec.headerMatters);
    const taskLine = taskShape(task, name);
    if (taskLine) blocks.push(taskLine);
    const set = result.config.effectiveEntries(name).filter((e) => keySpec(name, e.key)).length;
    blocks.push(`${set} of the ${keysFor(result.version, name).length} keys ${result.version} reads here are set.`);
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
  return `This task: ${show(source[0])} ${show(source[1])} → ${show(target[0])} ${show(target[1])}`;
}

function keyBlocks(ctx: HoverContext, e: IniEntry): string[] {
  const { task, result } = ctx;
  const title = `**[${clip(e.section)}] ${clip(ctx.mask(e.key))}**`;
  if (!e.header) {
    return [`${title} — this line comes before the first [section] header: ape-dts files it under a hidden \`default\` section and never reads it.`];
  }
  const spec = keySpec(e.section, e.key);
  if (!spec) return unknownKeyBlocks(ctx, e, title);
  const blocks = [title, keyDocumentation(e.section, e.key, spec, task)];
  const notes: string[] = [];
  if (!isRejected(spec, result.version) && inVersion(spec.versions, result.version)) {
    const read = task.holds(parsedWhenOf(spec, result.version), e.section, spec);
    if (!read) notes.push('With this task’s settings ape-dts does not read this key, so its value has no effect.');
    else if (task.holds(requiredOf(spec, result.version), e.section, spec)) notes.push('**Required** for this task: it must be present and non-empty.');
  }
  const all = result.config.entries(e.section, e.key);
  if (all.length > 1 && all[all.length - 1] !== e) notes.push(`Set again on line ${all[all.length - 1].line + 1}; ape-dts keeps only the last one.`);
  if (notes.length) blocks.push(notes.join(' '));
  return blocks;
}

function unknownKeyBlocks(ctx: HoverContext, e: IniEntry, title: string): string[] {
  const { result } = ctx;
  const section = sectionSpec(e.section);
  if (!section) return [`${title} — [${clip(ctx.mask(e.section))}] is not an ape-dts section, so this key is never read.`];
  const own = section.ignoredKeys && Object.hasOwn(section.ignoredKeys, e.key) ? section.ignoredKeys[e.key] : undefined;
  const ignored = ignoredKeySpec(e.section, e.key, result.version) ?? own;
  if (ignored) {
    const instead = ignored.replacement ? ` Use ${ignored.replacement} instead.` : '';
    return [`${title} — documented somewhere but not read by ape-dts (${describeVersions(ignored.versions)}): ${ignored.note}${instead}`];
  }
  const guess = closest(e.key, keysFor(result.version, e.section));
  return [`${title} — ape-dts ${result.version} does not know this key in [${e.section}] and silently ignores it, so the default applies.${guess ? ` Did you mean ${code(guess)}?` : ''}`];
}
