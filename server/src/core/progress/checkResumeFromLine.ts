import type { Diagnostic } from '../diagnostic';
import { comparePositions } from './comparePositions';
import { describePosition } from './describePosition';
import { parseBinlogFilename } from './values/binlogFilename';
import { lineAt } from './parseProgressFile';
import { acceptedPosition, type ProgressFile } from './progressLine';

// Checks for "resume from this line" (a line the user picks, not the one ape-dts would pick):
// PL008 a MySQL (or Kafka) current line may sit inside a transaction; PL038 going back is
// only possible while the source still keeps that data.

export function checkResumeFromLine(file: ProgressFile, line: number): Diagnostic[] {
  const l = lineAt(file, line);
  const p = l && acceptedPosition(l);
  if (!l || !p) return [];
  const out: Diagnostic[] = [];
  const whole = { start: { line, character: 0 }, end: { line, character: l.text.length } };
  if (l.slot === 'current' && p.type === 'MysqlCdc') {
    const cp = file.lines.slice(0, line - file.firstLine).reverse().find((o) => o.slot === 'checkpoint' && acceptedPosition(o)?.type === 'MysqlCdc');
    out.push({
      range: whole,
      severity: 'warning',
      code: 'PL008',
      message: `A current_position line can sit inside a transaction: MySQL may then miss the table map events (the task fails) or apply half a transaction. ${cp ? `Resume from the checkpoint on line ${cp.line + 1} instead.` : 'Pick a checkpoint_position line at or before it.'}`,
    });
  } else if (l.slot === 'current' && p.type === 'Kafka') {
    out.push({ range: whole, severity: 'information', code: 'PL008', message: 'A current_position line may sit inside a source transaction; a checkpoint_position line is the safer resume point.' });
  }
  const later = file.lines.slice(line - file.firstLine + 1).reverse().find((o) => {
    const q = acceptedPosition(o);
    return q && comparePositions(p, q) === -1;
  });
  if (later) {
    out.push({ range: whole, severity: 'warning', code: 'PL038', message: `Line ${later.line + 1} is further on (${describePosition(acceptedPosition(later)!)}). Going back to ${describePosition(p)} works only while the source still has that data: ${retention(p.type, String(p.values.binlog_filename ?? ''))}.` });
  }
  return out;
}

function retention(type: string, binlog: string): string {
  switch (type) {
    case 'MysqlCdc':
      return `${parseBinlogFilename(binlog) ? binlog : 'the binlog file'} must not be purged yet`;
    case 'PgCdc':
      return 'the slot must not have confirmed past it, which it usually has, since ape-dts acknowledges every checkpoint';
    case 'MongoCdc':
      return 'it must still be inside the oplog window';
    case 'Redis':
      return "the offset must still be in the master's replication backlog";
    case 'Kafka':
      return "the offset must still be within the topic's retention";
    default:
      return 'the rows after this point must be unchanged';
  }
}
