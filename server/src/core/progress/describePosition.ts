import type { DecodedPosition, OrderKey } from './decodePosition';
import { t } from '../i18n';
import { parsePgLsn } from './values/pgLsn';

// A position in plain words, for messages and hovers: "mysql-bin.000004 at 73685".

export function describePosition(p: DecodedPosition): string {
  const v = p.values;
  switch (p.type) {
    case 'None':
      return t('progress.describe.None');
    case 'MysqlCdc':
      return t(v.gtid_set ? 'progress.describe.MysqlCdc.gtid' : 'progress.describe.MysqlCdc', {
        file: String(v.binlog_filename || t('progress.describe.no-binlog-file')),
        offset: String(v.next_event_position),
        gtid: String(v.gtid_set ?? ''),
      });
    case 'PgCdc': {
      const n = parsePgLsn(String(v.lsn));
      return `LSN ${v.lsn}` + (n === undefined ? '' : ` (${n})`);
    }
    case 'MongoCdc': {
      const secs = Number(v.operation_time);
      const when = secs > 0 ? t('progress.describe.utc', { time: new Date(secs * 1000).toISOString().replace('T', ' ').replace('.000Z', '') }) : '';
      const args = { time: String(v.operation_time), when, token: String(v.resume_token ?? '') };
      return t(v.resume_token ? 'progress.describe.MongoCdc' : 'progress.describe.MongoCdc.no-token', args);
    }
    case 'Redis':
      return t(v.node_id ? 'progress.describe.Redis.node' : 'progress.describe.Redis', {
        id: String(v.repl_id || t('progress.describe.none')),
        offset: String(v.repl_offset),
        db: String(v.now_db_id),
        node: String(v.node_id ?? ''),
      });
    case 'Kafka':
      return t('progress.describe.Kafka', { topic: String(v.topic), partition: String(v.partition), offset: String(v.offset) });
    case 'RdbSnapshot': {
      const key = v.order_key as OrderKey | null | undefined;
      const after =
        key === undefined
          ? `${v.order_col} > ${v.value}`
          : key === null
            ? t('progress.describe.no-order-key')
            : key.parts.map((x) => `${x.col} = ${x.value ?? 'NULL'}`).join(', ');
      return `${v.schema}.${v.tb}: ${after}`;
    }
    case 'RdbSnapshotFinished':
      return t('progress.describe.RdbSnapshotFinished', { table: `${v.schema}.${v.tb}` });
    case 'FoxlakeS3':
      return `${v.schema}.${v.tb}: ${v.s3_meta_file}`;
  }
}
