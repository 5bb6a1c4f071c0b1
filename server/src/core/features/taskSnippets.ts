import { t } from '../i18n';

// Whole minimal tasks, laid out the way ape-dts's tutorials lay them out: [extractor],
// [filter], [sinker], [parallelizer], [pipeline], [runtime], credentials inside the url (the
// only form every release reads; username/password keys exist from 2.0.26). The tabstops are
// VS Code / LSP snippet syntax; each template lints clean on 2.0.24 and 2.0.26 (tested).

export interface TaskSnippet {
  /** Getters: the text is read in the locale of the moment, not the one at module load. */
  readonly label: string;
  readonly description: string;
  /** LSP snippet text (tabstops `${n:default}`), lines joined with \n; its comments are in the locale too. */
  readonly body: string;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

const PIPELINE_AND_RUNTIME = [
  '[pipeline]',
  'buffer_size=16000',
  'checkpoint_interval_secs=10',
  '',
  '[runtime]',
  'log_level=info',
  'log_dir=./logs',
  'log4rs_file=./log4rs.yaml',
];

export const TASK_SNIPPETS: readonly TaskSnippet[] = [
  {
    get label() {
      return t('completion.snippet.mysql-cdc.label');
    },
    get description() {
      return t('completion.snippet.mysql-cdc.description');
    },
    get body() {
      return lines(
        '[extractor]',
        'db_type=mysql',
        'extract_type=cdc',
        'url=${1:mysql://root:password@127.0.0.1:3307?ssl-mode=disabled}',
        t('completion.snippet.comment.server-id'),
        'server_id=${2:2000}',
        '',
        '[filter]',
        'do_dbs=${3:my_db}',
        'do_events=insert,update,delete',
        'do_ddls=*',
        '',
        '[sinker]',
        'db_type=mysql',
        'sink_type=write',
        'url=${4:mysql://root:password@127.0.0.1:3308?ssl-mode=disabled}',
        'batch_size=200',
        '',
        '[parallelizer]',
        'parallel_type=rdb_merge',
        'parallel_size=8',
        '',
        ...PIPELINE_AND_RUNTIME,
      );
    },
  },
  {
    get label() {
      return t('completion.snippet.pg-cdc.label');
    },
    get description() {
      return t('completion.snippet.pg-cdc.description');
    },
    get body() {
      return lines(
        '[extractor]',
        'db_type=pg',
        'extract_type=cdc',
        'url=${1:postgres://postgres:password@127.0.0.1:5433/postgres}',
        t('completion.snippet.comment.slot'),
        'slot_name=${2:ape_dts_slot}',
        '',
        '[filter]',
        'do_dbs=${3:public}',
        'do_events=insert,update,delete',
        '',
        '[sinker]',
        'db_type=pg',
        'sink_type=write',
        'url=${4:postgres://postgres:password@127.0.0.1:5434/postgres}',
        'batch_size=200',
        '',
        '[parallelizer]',
        'parallel_type=rdb_merge',
        'parallel_size=8',
        '',
        ...PIPELINE_AND_RUNTIME,
      );
    },
  },
  {
    get label() {
      return t('completion.snippet.mongo-cdc.label');
    },
    get description() {
      return t('completion.snippet.mongo-cdc.description');
    },
    body: lines(
      '[extractor]',
      'db_type=mongo',
      'extract_type=cdc',
      'url=${1:mongodb://ape_dts:password@127.0.0.1:9042/?replicaSet=rs0&authSource=admin}',
      'source=${2|change_stream,op_log|}',
      '',
      '[filter]',
      'do_dbs=${3:my_db}',
      'do_events=insert,update,delete',
      '',
      '[sinker]',
      'db_type=mongo',
      'sink_type=write',
      'url=${4:mongodb://ape_dts:password@127.0.0.1:9043/?authSource=admin}',
      'batch_size=200',
      '',
      '[parallelizer]',
      'parallel_type=mongo',
      'parallel_size=8',
      '',
      ...PIPELINE_AND_RUNTIME,
    ),
  },
  {
    get label() {
      return t('completion.snippet.mysql-snapshot.label');
    },
    get description() {
      return t('completion.snippet.mysql-snapshot.description');
    },
    body: lines(
      '[extractor]',
      'db_type=mysql',
      'extract_type=snapshot',
      'url=${1:mysql://root:password@127.0.0.1:3307?ssl-mode=disabled}',
      '',
      '[filter]',
      'do_tbs=${2:my_db.*}',
      'do_events=insert',
      '',
      '[sinker]',
      'db_type=mysql',
      'sink_type=write',
      'url=${3:mysql://root:password@127.0.0.1:3308?ssl-mode=disabled}',
      'batch_size=200',
      '',
      '[parallelizer]',
      'parallel_type=snapshot',
      'parallel_size=8',
      '',
      ...PIPELINE_AND_RUNTIME,
    ),
  },
];

/** The text a snippet inserts when every tabstop keeps its default (first choice for `${n|a,b|}`). */
export function expandSnippet(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}
