import type { DecodedPosition, OrderKey } from './decodePosition';
import { parsePgLsn } from './values/pgLsn';

// A position in plain words, for messages and hovers: "mysql-bin.000004 at 73685".

export function describePosition(p: DecodedPosition): string {
  const v = p.values;
  switch (p.type) {
    case 'None':
      return 'no position';
    case 'MysqlCdc':
      return `${v.binlog_filename || '(no binlog file)'} at ${v.next_event_position}` + (v.gtid_set ? `, GTID set ${v.gtid_set}` : '');
    case 'PgCdc': {
      const n = parsePgLsn(String(v.lsn));
      return `LSN ${v.lsn}` + (n === undefined ? '' : ` (${n})`);
    }
    case 'MongoCdc': {
      const secs = Number(v.operation_time);
      const when = secs > 0 ? ` (${new Date(secs * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC')})` : '';
      return `operation_time ${v.operation_time}${when}` + (v.resume_token ? `, resume token ${v.resume_token}` : ', no resume token');
    }
    case 'Redis':
      return `replication ${v.repl_id || '(none)'} at offset ${v.repl_offset}, db ${v.now_db_id}` + (v.node_id ? `, node ${v.node_id}` : '');
    case 'Kafka':
      return `${v.topic} partition ${v.partition} at offset ${v.offset}`;
    case 'RdbSnapshot': {
      const key = v.order_key as OrderKey | null | undefined;
      const after =
        key === undefined
          ? `${v.order_col} > ${v.value}`
          : key === null
            ? 'no order key'
            : key.parts.map((x) => `${x.col} = ${x.value ?? 'NULL'}`).join(', ');
      return `${v.schema}.${v.tb}: ${after}`;
    }
    case 'RdbSnapshotFinished':
      return `${v.schema}.${v.tb} finished`;
    case 'FoxlakeS3':
      return `${v.schema}.${v.tb}: ${v.s3_meta_file}`;
  }
}
