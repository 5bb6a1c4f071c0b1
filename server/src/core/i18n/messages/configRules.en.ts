// English texts of the config rules (server/src/core/rules); see README.md for ids and placeholders.
export const configRulesEn = {
  // numbers.ts
  'num.extractor.batch_size': '[extractor] batch_size=0 is rejected at load from 2.0.26 (the docs suggest 0 falls back to buffer_size; the code refuses it). Remove the line to use the default, or give a positive size.',
  'num.sinker.batch_size': '[sinker] batch_size must be greater than 0 from 2.0.26: ape-dts stops at load. Use 1 for serial writes.',
  'num.snapshot-parallel-size-zero': '{key}=0 makes ape-dts {version} divide by zero while loading the config, so it crashes before starting. Use 1 or more.',
  'startup.parallel_size.zero': '[parallelizer] parallel_size=0 loads, but the task fails as soon as it dispatches the first batch. Use 1 or more.',
  'lint.buffer_size.zero.batch-size': '[pipeline] buffer_size=0: ape-dts 2.0.26 derives [extractor] batch_size from it and stops at load ("[extractor].batch_size must be greater than 0"). Use a positive size (default 16000).',
  'lint.buffer_size.zero.no-progress': '[pipeline] buffer_size=0: the pipeline then holds no events and the task cannot make progress. Use a positive size (default 16000).',
  'startup.max_connections': '[{section}] max_connections must be at least 1: ape-dts stops with a config error before connecting.',
  'num.connection_timeout_secs': '[{section}] connection_timeout_secs must be greater than 0: ape-dts stops at load.',
  'num.rebalance': '{key} must be greater than 0 with parallel_type=snapshot: ape-dts stops at load.',

  // iniSyntax.ts
  'ini.unterminated-section': "Section header has no closing ']': ape-dts rejects the whole file. Close the bracket, e.g. [extractor].",
  'ini.empty-key': "Line starts with '=' or ':' so its key is empty: ape-dts rejects the whole file. Put the key name before the delimiter, or make the line a comment with '#'.",

  // iniStructure.ts
  'lint.key-before-section': "'{rawKey}' comes before the first [section] header: ape-dts files it under a hidden 'default' section and never reads it. Move it under the section it belongs to.",
  'lint.duplicate-key.no-value': "'{key}' is set again on line {line} and ape-dts keeps only the last one (it has no value there, which erases this one). Remove one of the two lines.",
  'lint.duplicate-key.empty': "'{key}' is set again on line {line} and ape-dts keeps only the last one (it is empty there, which means the default). Remove one of the two lines.",
  'lint.duplicate-key.wins': "'{key}' is set again on line {line} and ape-dts keeps only the last one (it wins). Remove one of the two lines.",
  'lint.duplicate-section': '[{name}] appears again (first on line {line}); ape-dts merges the two, and a key set in both keeps the later value.',
  'lint.key-without-value': "This line has no '=' or ':', so ape-dts reads '{rawKey}' as a key without a value: it is ignored, and it erases an earlier value of the same key. Write '{key}=<value>', or start the line with '#' to make it a comment.",
  'lint.double-slash-comment': "'//' does not start a comment in ape-dts: the line is read as a junk key. Start comments with '#' or ';'.",
  'lint.inline-comment.quoted': "ape-dts has no inline comments: '{tail}' is part of the value of '{key}'. Move the comment to its own line.",
  'lint.inline-comment.secret': "ape-dts has no inline comments: everything from the comment marker on is part of the value of '{key}'. Move the comment to its own line.",
  'lint.bom': 'The file starts with a UTF-8 byte order mark, which ape-dts does not strip: it cannot see this [{name}] header, so its keys are lost and the task stops at load. Save the file as UTF-8 without BOM.',
  'lint.bom.other': 'The file starts with a UTF-8 byte order mark, which ape-dts does not strip: it cannot see this [{name}] header and silently drops its keys. Save the file as UTF-8 without BOM.',

  // suggest.ts: a sentence appended to a message (it brings its own leading space)
  'lint.did-you-mean': " Did you mean '{suggestion}'?",

  // unknownNames.ts: which versions read a section or key (inside sentences)
  'lint.versions.only': 'only in {version}',
  'lint.versions.range': 'in {since} to {until}',
  'lint.versions.since': 'from {since} on',
  'lint.versions.until': 'up to {until}',
  'lint.versions.every': 'in every version',
  // appended to a message (it brings its own leading space)
  'lint.use-instead': ' Use {replacement} instead.',
  'lint.unknown-section.other-version': 'ape-dts {version} has no [{name}] section (it exists {versions}), so it ignores everything in it. Check the ape-dts version you run.',
  'lint.unknown-section': 'ape-dts has no [{name}] section and silently ignores its keys.',
  'lint.unknown-key': "ape-dts does not know '{key}' in [{section}] and silently ignores it, so the default applies.",
  'lint.docs-only-key': "ape-dts {version} does not read '{key}' in [{section}]: {note}",
  'lint.removed-key': "ape-dts {version} does not read '{key}' in [{section}] (it is read {versions}), so it has no effect.",
  'lint.key-other-db-type': "'{key}' has no effect with [{section}] db_type={dbType}: it applies to {where}. Remove it, or check db_type.",
  'lint.key-other-task-type': "'{key}' has no effect for {dbType} with {typeKey}={type}: it applies to {where}.",

  // required.ts
  'req.key.missing': '[{section}] {key} is missing, but ape-dts needs it for this task and stops at load ("config [{section}].{key} does not exist or is empty"). Set {key}=<value> under [{section}].',
  'req.key.empty': '[{section}] {key} is empty, but ape-dts needs it for this task and stops at load ("config [{section}].{key} does not exist or is empty"). Set {key}=<value> under [{section}].',
  'req.sinker.section': 'There is no [sinker] section: from 2.0.26 ape-dts requires one and stops at load ("config [sinker] is required"). Add [sinker] with sink_type=dummy if the task writes nowhere.',

  // valueTypes.ts
  'type.parse.bool': '[{section}] {key}={value} cannot be parsed as {rustType}, so ape-dts stops at load. Expected exactly true or false (lowercase).',
  'type.parse.int': '[{section}] {key}={value} cannot be parsed as {rustType}, so ape-dts stops at load. Expected a whole number from {min} to {max}, without units or separators.',
  'type.parse.f64': '[{section}] {key}={value} cannot be parsed as {rustType}, so ape-dts stops at load. Expected a decimal number such as 1.5.',
  'type.parse.enum': '[{section}] {key}={value} cannot be parsed as {rustType}, so ape-dts stops at load. Expected one of {allowed}.',
  // appended to type.parse (it brings its own leading space)
  'type.parse.inline-comment': " The text after '#' or ';' is part of the value: ape-dts has no inline comments.",
  'lint.value-case': "ape-dts values are case-sensitive: '{value}' is rejected at load. Write '{caseOf}'.",

  // combos.ts
  'combo.extractor.db_type': 'ape-dts {version} cannot use db_type={dbType} as a source and stops at load. A source can be: {capable}.',
  'combo.sinker.db_type': 'ape-dts {version} cannot use db_type={dbType} as a target and stops at load. A target can be: {capable}.',
  'combo.extractor.type': 'ape-dts {version} does not support extract_type={type} for [extractor] db_type={dbType} and stops at load. Supported: {accepted}.',
  'combo.sinker.type': 'ape-dts {version} does not support sink_type={type} for [sinker] db_type={dbType} and stops at load. Supported: {accepted}.',

  // rejectedKeys.ts
  'resumer.legacy-rejected': 'ape-dts {version} rejects [resumer] {key}: the task stops at start-up with a config error (CF002 in later builds), even when the value is empty. The legacy resume keys were replaced by resume_type=from_log with log_dir and config_file.',
  'checker.enable-legacy': 'ape-dts {version} rejects [checker] {key}: the task stops at start-up with a config error (CF002 in later builds), even when the value is empty. Checking is now switched on by sink_type=check, a [checker] section, or [checker_cdc] is_enabled=true.',

  // resumer.ts
  'lint.v25.legacy-resumer-ignored': "ape-dts 2.0.25 ignores '{key}' here: it reads the legacy resume keys only when resume_config_file is set together with resume_from_log or resume_log_dir. Without resume_type the task does not resume at all. Use resume_type=from_log with log_dir / config_file.",
  'lint.v25.legacy-resumer-overrides': "'{key}' is ignored: with resume_config_file plus resume_from_log or resume_log_dir, ape-dts 2.0.25 follows the legacy keys instead. Keep one style — preferably resume_type=from_log with log_dir / config_file.",
  'lint.legacy-resumer-migrate': "'{key}' works in {version} but ape-dts 2.0.26 refuses to start with it. The new form is resume_type=from_log with log_dir and config_file (2.0.25 and later).",
  'lint.resume_log_dir.without-flag': 'resume_log_dir is only read when resume_from_log=true, so ape-dts does not read position.log from this folder. Add resume_from_log=true, or remove this line.',
  'lint.resume-type-unused-keys': "'{key}' is not read with resume_type={resumeType}, so it has no effect. Remove it, or set the resume_type it belongs to.",

  // resumerStartup.ts
  'startup.resumer.table_full_name': "table_full_name must be schema.table (exactly one '.'), e.g. apecloud_metadata.apedts_task_position; ape-dts fails at start otherwise.",
  'startup.resumer.backend': 'resume_type={resumeType} stores checkpoints in a {dbType} database, which ape-dts {version} cannot do (it supports {supported}); the task fails at start.',
  'startup.from_log.struct': 'resume_type=from_log does not support struct tasks; ape-dts fails at start. Remove the [resumer] settings for a struct migration.',
  'lint.resume.task_id': 'Checkpoints in the database are keyed by [global] task_id, and without one ape-dts derives it from the urls, credentials, batch sizes, filters and routes: any such edit, or an upgrade, silently loses the checkpoint. Set [global] task_id=<a fixed name>.',
  'lint.resume.from_target-dummy': 'resume_type=from_target does nothing with sink_type=dummy: there is no target to keep checkpoints in, so the resumer is never built and the task starts from the [extractor] keys.',
  'startup.mongo.chunk': 'A mongo snapshot cannot split tables into chunks; ape-dts fails at start. Use parallel_type=table.',

  // checker.ts
  'checker.cdc-requires-cdc-write': '[checker_cdc] is_enabled=true only works on a cdc task with sink_type=write; ape-dts stops at load otherwise.',
  'checker.target-url': 'This task runs a data check, which compares against [sinker] url; it is empty, so ape-dts stops at load. Set [sinker] url to the database to check.',
  'checker.unsupported.targets': 'ape-dts cannot check {pair} with a {target} target (it supports {targets} targets) and stops at load. Remove the checker settings or change the target.',
  'checker.unsupported.none': 'ape-dts cannot check {pair} with a {target} target (no checker exists for this task shape) and stops at load. Remove the checker settings or change the target.',
  'checker.recheck-queue': '{key} must be greater than 0: ape-dts stops at load.',
  'checker.sample_percent': 'sample_percent must be a whole number from 1 to 100 (leave it empty to check every row); ape-dts stops at load.',
  'checker.cdc-rdb-merge': 'An inline CDC check needs [parallelizer] parallel_type=rdb_merge; ape-dts stops at load otherwise.',
  'lint.checker.ignored-on-cdc': '[checker] is ignored on a cdc task unless [checker_cdc] has is_enabled=true: no check runs and its keys are not even validated.',

  // metacenter.ts
  'metacenter.url-distinct.extractor': '[metacenter] url is the same as the [extractor] url; ape-dts requires a separate database for DDL metadata and stops at load.',
  'metacenter.url-distinct.destination': '[metacenter] url is the same as the destination url; ape-dts requires a separate database for DDL metadata and stops at load.',
  'lint.metacenter.non-mysql': 'type=dbengine only works with a mysql source; with db_type={dbType} ape-dts silently uses basic instead.',

  // filterRouter.ts
  'lint.filter.tbs-shape.empty': '[filter] {key} has an empty entry; every entry must be schema.table (e.g. db1.tb1 or db1.*), otherwise ape-dts panics when the task starts. Remove stray commas and write each table as schema.table.',
  'lint.filter.tbs-shape.entry': "[filter] {key} has '{entry}'; every entry must be schema.table (e.g. db1.tb1 or db1.*), otherwise ape-dts panics when the task starts. Remove stray commas and write each table as schema.table.",
  'startup.router.tokens': "[router] {key} splits into {count} names, but ape-dts needs {per} per entry ({example}) and panics at start otherwise. Check for a missing or extra ',', '.' or ':'.",
  'startup.router.tokens.topic_map-example': 'db.tb:topic (with *.*:default_topic)',

  // filterEvents.ts
  'lint.filter.enum-values.star': `'*' means "all" only on its own; next to other entries ape-dts matches nothing with it. Write {key}=* or list the kinds.`,
  'lint.filter.enum-values.empty': '{key} has an empty entry; remove the stray comma.',
  'lint.filter.enum-values.unknown': "'{name}' is not a {kind} kind ape-dts {version} knows, so it never matches.{suggestion} Known: {known}.",
  // {kind} above, one per list key
  'lint.filter.enum-values.kind.do_events': 'event',
  'lint.filter.enum-values.kind.do_ddls': 'ddl',
  'lint.filter.enum-values.kind.do_dcls': 'dcl',
  'lint.filter.enum-values.kind.do_structures': 'structure',
  'lint.do_events.empty-v24.empty': 'do_events is empty: ape-dts {version} then syncs no inserts, updates or deletes (a snapshot skips every table). Set do_events=insert,update,delete (from 2.0.26 empty means all).',
  'lint.do_events.empty-v24.not-set': 'do_events is not set: ape-dts {version} then syncs no inserts, updates or deletes (a snapshot skips every table). Set do_events=insert,update,delete (from 2.0.26 empty means all).',
  'lint.do_events.snapshot-insert': 'A snapshot copies rows as inserts, but do_events does not include insert: every table is skipped. Add insert (or use *).',

  // valueFormats.ts
  'startup.json.invalid': '[{section}] {key} is not what ape-dts expects: invalid JSON ({error}). It fails when the task starts. Expected {expected}.',
  'startup.json.not-array': '[{section}] {key} is not what ape-dts expects: it is a JSON {kind}, not an array. It fails when the task starts. Expected {expected}.',
  'startup.json.item-not-object': '[{section}] {key} is not what ape-dts expects: item {item} is a JSON {kind}, not an object. It fails when the task starts. Expected {expected}.',
  'startup.json.item-missing-field': '[{section}] {key} is not what ape-dts expects: item {item} has no "{field}". It fails when the task starts. Expected {expected}.',
  'startup.json.field-kind': '[{section}] {key} is not what ape-dts expects: "{field}" in item {item} must be a JSON {kind}. It fails when the task starts. Expected {expected}.',
  // {kind} above: JSON value kinds
  'startup.json.kind.array': 'array',
  'startup.json.kind.object': 'object',
  'startup.json.kind.string': 'string',
  'startup.json.kind.number': 'number',
  'startup.json.kind.boolean': 'boolean',
  'startup.json.kind.null': 'null',
  'lint.json-prefix': "ape-dts accepts {key} without the 'json:' prefix, but its docs always write it; adding it keeps the file readable for others.",
  'startup.time': "{key}='{value}' is not a time ape-dts can read, so the task fails at start. Write it as YYYY-MM-DD HH:MM:SS (UTC), e.g. 2024-10-18 05:21:44.",
  'lint.time.offset-ignored': "ape-dts reads the offset '{offset}' but ignores it: {key} is always taken as UTC. Convert the time to UTC and drop the offset.",
  'lint.pg.start_lsn': "start_lsn='{value}' is not a PostgreSQL LSN; it must look like 0/1A2B3C4 (two hex numbers separated by '/'), as in pg_current_wal_lsn().",
  'lint.url.scheme.none-expected': "A {dbType} url is a plain host:port with no scheme; '{scheme}://' makes the connection fail.",
  'lint.url.scheme.wrong': "[{section}] db_type={dbType} expects a {wanted} url, but this one is '{scheme}://'; the connection will fail. Check the url or db_type.",
  'lint.url.scheme.missing': '[{section}] url has no scheme; db_type={dbType} expects {wanted}…',
  // joins the schemes of {wanted} above
  'lint.url.scheme.or': ' or ',
  'startup.stream_load_url': 'A {dbType} write sinker needs stream_load_url with host and port (e.g. http://user:pass@fe-host:8030); without it ape-dts fails at start.',
  'startup.redis.statistic_type': "{key}='{value}' is not one of {allowed}; the task fails when it starts.",
  'lint.redis.method': "{key}='{value}' is not one of {allowed}; ape-dts silently uses 'restore' instead.",
  'lint.kafka.required_acks': "{key}='{value}' is not one of {allowed}; ape-dts silently uses 'one' instead.",
  'lint.log_level': "{key}='{value}' is not one of {allowed}; the task fails when it starts.",
  'lint.mysql.server_id.range': 'MySQL accepts server_id only from 1 to 4294967295 (and unique among its replicas); ape-dts loads {value} but the binlog connection will be refused.',
  'lint.mysql.binlog_position-without-file': 'binlog_position is ignored while binlog_filename is empty: ape-dts starts from the newest binlog position. Set binlog_filename too (e.g. mysql-bin.000004).',
  'lint.mysql.gtid_set-without-flag': 'gtid_set is ignored unless gtid_enabled=true; ape-dts starts from binlog_filename / binlog_position instead. Add gtid_enabled=true to start from this GTID set.',
  'lint.quoted-value': "ape-dts keeps the quotes: '{key}' is read as {value}, quotes included. Remove them.",

  // registry.ts
  'rules.more-on-line': '…and {count} more problems like the ones before on this line (not listed one by one).',
  'rules.clipped': '{start} … ({count} characters left out) … {end}',

  // workspace/sharedLogDir.ts
  'lint.log_dir.unique': "This task resumes from {dir}/position.log, but {names} writes its progress into the same folder, so ape-dts may resume from the other task's position. Give each task its own [runtime] log_dir (paths resolved from each config's folder).",
} as const satisfies Record<string, string>;
