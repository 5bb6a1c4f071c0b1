import type { TaskConfig } from '../model/taskConfig';
import { defaultOf, inVersion, keySpec } from './index';
import type { Applies, ApeVersion, Cond, DerivedName, KeyPath, KeySpec } from './types';

// Evaluates the schema's condition language against one task config at one version.
// Comparisons use EFFECTIVE values: the trimmed value when present and non-empty,
// otherwise the key's default at that version (ape-dts treats `key=` as absent).

export interface TaskView {
  config: TaskConfig;
  version: ApeVersion;
  /** Effective value of `section.key`. */
  eff(path: KeyPath): string | undefined;
  derived(name: DerivedName): boolean;
  /** Does the task's (db_type, extract_type|sink_type) fall in `appliesTo` of a key of `section`? */
  applies(section: string, spec: KeySpec): boolean;
  holds(cond: Cond, section: string, spec?: KeySpec): boolean;
}

function split(path: KeyPath): [string, string] {
  const dot = path.indexOf('.');
  return [path.slice(0, dot), path.slice(dot + 1)];
}

export function taskView(config: TaskConfig, version: ApeVersion): TaskView {
  // A view answers for one config that does not change, and rules ask for the same few
  // keys (db_type, extract_type, sink_type, …) over and over: remember the answers.
  const effCache = new Map<string, string | undefined>();
  const eff = (path: KeyPath): string | undefined => {
    if (effCache.has(path)) return effCache.get(path);
    const [section, key] = split(path);
    let v = config.value(section, key);
    if (v === undefined) {
      const spec = keySpec(section, key);
      v = spec ? defaultOf(spec, version) : undefined;
    }
    effCache.set(path, v);
    return v;
  };

  const extractType = () => eff('extractor.extract_type');
  const sinkType = () => eff('sinker.sink_type') ?? 'write';
  const cdcCheckEnabled = () =>
    version === '2.0.26' && config.hasSection('checker_cdc') && config.value('checker_cdc', 'is_enabled') === 'true';

  const derivedTable: Record<DerivedName, () => boolean> = {
    nonDummySinker: () => sinkType() !== 'dummy',
    cdcCheckEnabled,
    // 2.0.26+: which checker (if any) the loader builds; [checker] on a CDC task
    // without [checker_cdc] is_enabled=true is silently ignored.
    checkerActive: () => {
      if (version !== '2.0.26') return false;
      const cdc = cdcCheckEnabled();
      if (extractType() === 'cdc' && !cdc) return false;
      return (
        sinkType() === 'check' ||
        (config.hasSection('checker') && extractType() === 'snapshot' && sinkType() === 'write') ||
        cdc
      );
    },
    // 2.0.25 reads the legacy keys only when resume_config_file is present together
    // with resume_from_log or resume_log_dir (the loader's `!a && !b || !c` skip test).
    legacyResumerHonoured25: () =>
      config.present('resumer', 'resume_config_file') &&
      (config.present('resumer', 'resume_from_log') || config.present('resumer', 'resume_log_dir')),
    snapshotExtractorWithParallelType: () =>
      ['mysql', 'pg', 'mongo', 'mssql'].includes(eff('extractor.db_type') ?? '') && extractType() === 'snapshot',
  };

  const applies = (section: string, spec: KeySpec): boolean => {
    if (!spec.appliesTo) return true;
    const pair =
      section === 'sinker'
        ? [eff('sinker.db_type'), sinkType()]
        : [eff('extractor.db_type'), extractType()];
    return spec.appliesTo.some((a: Applies) => matchesPair(a, pair[0], pair[1], version));
  };

  const view: TaskView = {
    config,
    version,
    eff,
    derived: (name) => derivedTable[name](),
    applies,
    holds(cond, section, spec) {
      if (cond === 'always') return true;
      if (cond === 'never') return false;
      if ('all' in cond) return cond.all.every((c) => view.holds(c, section, spec));
      if ('any' in cond) return cond.any.some((c) => view.holds(c, section, spec));
      if ('not' in cond) return !view.holds(cond.not, section, spec);
      if ('eq' in cond) return eff(cond.eq[0]) === cond.eq[1];
      if ('ne' in cond) return eff(cond.ne[0]) !== cond.ne[1];
      if ('in' in cond) return cond.in[1].includes(eff(cond.in[0]) ?? '');
      if ('present' in cond) return config.present(...split(cond.present));
      if ('absent' in cond) return !config.present(...split(cond.absent));
      if ('nonBlank' in cond) return config.value(...split(cond.nonBlank)) !== undefined;
      if ('sectionPresent' in cond) return config.hasSection(cond.sectionPresent);
      if ('derived' in cond) return view.derived(cond.derived);
      if ('appliesTo' in cond) return spec ? applies(section, spec) : true;
      return false;
    },
  };
  return view;
}

export function matchesPair(a: Applies, dbType: string | undefined, type: string | undefined, version: ApeVersion): boolean {
  if (a.versions && !inVersion(a.versions, version)) return false;
  return (a.db_type === '*' || a.db_type === dbType) && (a.type === '*' || a.type === type);
}
