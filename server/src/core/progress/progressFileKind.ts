// Which progress file a path is, by name. ape-dts only ever opens `position.log` and
// `finished.log` in the resume log dir; log4rs rolls position.log at 1 MB into
// position1.log (newest) … position10.log, and finished.log into finished1.log …, which
// are never read back. Resume config files have no fixed name (`resume.config` in ape-dts's
// tests and docs, any `*.config` a task config points to).

export type ProgressFileKind = 'position' | 'finished' | 'resumeConfig';

export interface ProgressFileName {
  kind: ProgressFileKind;
  /** The N of positionN.log / finishedN.log: a rolled archive ape-dts does not read. */
  archive?: number;
}

export function classifyProgressFile(path: string): ProgressFileName | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const rolled = /^(position|finished)(\d+)?\.log$/.exec(name);
  if (rolled) {
    const kind = rolled[1] === 'position' ? 'position' : 'finished';
    return rolled[2] === undefined ? { kind } : { kind, archive: Number(rolled[2]) };
  }
  if (name.endsWith('.config')) return { kind: 'resumeConfig' };
  return undefined;
}
