import type { Cond, SectionSpec } from '../types';

// Only type=dbengine with a mysql extractor reads more than `type`; dbengine with any other
// source is silently treated as basic.

const DBENGINE_WITH_MYSQL_SOURCE: Cond = {
  all: [{ eq: ['metacenter.type', 'dbengine'] }, { eq: ['extractor.db_type', 'mysql'] }],
};

export const metacenter: SectionSpec = {
  summary: 'How table structure is tracked during MySQL CDC.',
  versions: {},
  keys: {
    type: {
      summary: 'Where table structures are tracked during CDC: in memory from the source (basic) or in a separate MySQL database that replays DDL (dbengine).',
      type: { kind: 'enum', enum: 'MetaCenterType' },
      default: 'basic',
      versions: {},
    },
    // Compared as plain strings with the source and target urls; equal urls fail at load.
    url: {
      summary: 'Connection string of the dbengine metadata database; must differ from the source and target urls.',
      type: { kind: 'string' },
      format: 'url',
      versions: {},
      parsedWhen: DBENGINE_WITH_MYSQL_SOURCE,
      required: 'always',
    },
    ddl_conflict_policy: {
      summary: 'What dbengine does when replaying a DDL fails: ignore it or stop.',
      type: { kind: 'enum', enum: 'ConflictPolicy' },
      default: 'interrupt',
      versions: {},
      parsedWhen: DBENGINE_WITH_MYSQL_SOURCE,
    },
    username: {
      summary: 'User name for the dbengine database; overrides the user in url.',
      type: { kind: 'string' },
      default: '',
      versions: { since: '2.0.26' },
      parsedWhen: DBENGINE_WITH_MYSQL_SOURCE,
    },
    password: {
      summary: 'Password for the dbengine database; overrides the one in url.',
      type: { kind: 'string' },
      default: '',
      versions: { since: '2.0.26' },
      parsedWhen: DBENGINE_WITH_MYSQL_SOURCE,
      secret: true,
    },
    ssl_mode: {
      summary: 'TLS mode for the dbengine database; once written it must have a value.',
      type: { kind: 'enum', enum: 'SslMode' },
      versions: { since: '2.0.26' },
      parsedWhen: { all: [DBENGINE_WITH_MYSQL_SOURCE, { present: 'metacenter.ssl_mode' }] },
      required: 'always',
      presenceSensitive: true,
    },
    ssl_ca_path: {
      summary: 'CA certificate file for TLS to the dbengine database; ignored unless ssl_mode is set.',
      type: { kind: 'string' },
      default: '',
      versions: { since: '2.0.26' },
      parsedWhen: { all: [DBENGINE_WITH_MYSQL_SOURCE, { present: 'metacenter.ssl_mode' }] },
    },
  },
};
