// MySQL names binlog files `<base>.<sequence>` (mysql-bin.000004). The base tells which
// server wrote it; the sequence orders files of one server.

export interface BinlogFile {
  base: string;
  sequence: bigint;
}

export function parseBinlogFilename(text: string): BinlogFile | undefined {
  const m = /^([^\s/]+)\.(\d+)$/.exec(text);
  return m ? { base: m[1], sequence: BigInt(m[2]) } : undefined;
}
