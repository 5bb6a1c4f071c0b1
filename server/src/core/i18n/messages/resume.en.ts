// English texts of the resume domain; see README.md for ids and placeholders.
export const resumeEn = {
  // planResume.ts: refusals
  'resume.refuse.no-position': '{file} holds no position ape-dts would accept.',
  'resume.refuse.not-position': 'Line {line} is not a position ape-dts accepts ({why}), so it cannot be resumed from.',
  'resume.refuse.not-position-line': 'it is not a position line',
  'resume.refuse.PL008': 'PL008: line {line} is a MySQL current_position, which can sit in the middle of a transaction: resuming there applies half a transaction or fails on a missing table map. {offer}',
  'resume.refuse.PL008.no-checkpoint': 'There is no checkpoint line before it.',
  'resume.refuse.PL008.checkpoint': 'Resume from the checkpoint on line {line} instead.',
  'resume.refuse.snapshot-extractor': 'Snapshot progress has no [extractor] keys; only a resume file can carry it. Use the resume-file strategy.',
  'resume.refuse.PL029': "ape-dts {version}'s Redis extractor never reads a resume file (PL029); use the extractor strategy.",
  'resume.refuse.snapshot-line': 'Line {line}: {problem}',
  'resume.refuse.new-error': 'The edit would add an error to the config: {errors}',
  'resume.refuse.unverified': 'The plan was not applied: after it, ape-dts would still not start from line {line} ({why}).',
  // planResume.ts: why the position does not fit the task (PL010)
  'resume.mismatch.none': 'a None position carries nothing to resume from.',
  'resume.mismatch.finished': 'this line marks a finished table, not a resume point.',
  'resume.mismatch.snapshot': 'this is a snapshot position, but the task has extract_type={extractType}.',
  'resume.mismatch.cdc': "this is a {variant} position, but the task's [extractor] db_type is {dbType}; ape-dts would ignore it.",
  'resume.mismatch.missing': '(missing)',
  // planResume.ts: why the checked plan would not start where asked
  'resume.verify.other-file': 'a position from {file} would win',
  'resume.verify.elsewhere': 'elsewhere',
  'resume.verify.key': '{key} would be {value}',
  'resume.verify.table-not-from-file': 'the table would not resume from the written file',
  'resume.verify.unusable': 'the written position would not be usable',
  'resume.verify.resumes-from': 'it would resume from {source}',
  'resume.verify.extractor-keys': 'the [extractor] keys',
  'resume.verify.other-line': 'another line of the resume file would win',
  // planResume.ts: warnings and notes
  'resume.warn.PL008': 'Line {line} is a current_position: it can sit inside a transaction.',
  'resume.warn.overwrite': '{file} exists and will be replaced.',
  'resume.note.PL035': "Relative paths are resolved by ape-dts from the folder it is started in; this plan assumes the task config's folder (PL035).",
  // extractorStrategy.ts
  'resume.note.gtid_set': 'gtid_set is set too, because gtid_enabled=true makes ape-dts start from the GTID set.',
  'resume.note.start_time_utc': 'start_time_utc emptied: it would replace binlog_filename with the file holding that time (PL026).',
  // neutraliseResumer.ts
  'resume.note.resume_from_log-off': '[resumer] resume_from_log=false: otherwise the last checkpoint in position.log would win over the [extractor] keys.',
  'resume.note.resume_config_file-removed': '[resumer] resume_config_file removed: a position in that file would win over the [extractor] keys.',
  'resume.note.resume_type-dummy': '[resumer] resume_type=dummy (was {was}): otherwise {why} would win over the [extractor] keys. Set it back after the first successful start if you want later restarts to resume automatically.',
  'resume.note.resume_type-dummy.log': 'the last checkpoint in the log folder',
  'resume.note.resume_type-dummy.table': 'the position stored in the resume table',
  'resume.note.legacy-keys': 'Removed the legacy [resumer] key(s) {keys}: {why}.',
  'resume.note.legacy-keys.refused': 'ape-dts {version} refuses to start with them',
  'resume.note.legacy-keys.followed': 'ape-dts {version} could follow them instead of resume_type',
  // resumeFileStrategy.ts
  'resume.note.legacy-file': '[resumer] resume_config_file={file}: ape-dts {version} reads the position from that file.',
  'resume.note.legacy-file.resume_from_log': '[resumer] resume_from_log=false: otherwise position.log, read after the file, would win. Set it back to true after the first successful start so later restarts resume from the log again.',
  'resume.note.config_file': '[resumer] resume_type=from_log, config_file={file}: ape-dts {version} reads the position from that file first.',
  'resume.note.empty-log_dir': '[resumer] log_dir={dir}: a folder without position.log, because a checkpoint in {positionLog} would win over the file (a blank log_dir would mean [runtime] log_dir). Point log_dir back at the log folder after the first successful start.',
  // safetyChecks.ts
  'resume.warn.PL009': 'gtid_enabled=true but this position has an empty gtid_set: ape-dts then starts from the newest GTID set (2.0.24) or from the file and offset, and the GTID set it records afterwards lacks the older history. Check the GTID set before you resume.',
  'resume.warn.PL038': "Later lines have a higher LSN, which ape-dts has probably already confirmed to the replication slot. PostgreSQL cannot rewind a slot: if start_lsn is older than the slot's confirmed_flush_lsn, ape-dts starts from confirmed_flush_lsn instead.",
  'resume.warn.PL025': 'recreate_slot_if_exists=true drops and recreates the slot at start, so start_lsn is ignored.',
  'resume.warn.PL015': 'Line {line} lies before the part of position.log ape-dts reads on its own; the plan writes the position explicitly, so it is used anyway.',
  'resume.warn.running': 'position.log was written {seconds} s ago, within two checkpoint intervals: the task looks still running. Stop it before you change where it resumes.',
  // snapshotShape.ts
  'resume.snapshot.composite-key': 'ape-dts {version} cannot resume a table by a composite key; it restarts that table.',
  'resume.snapshot.no-order-value': 'this position has no order column value ape-dts {version} can use.',
  'resume.snapshot.not-json': 'the payload is not JSON.',
} as const satisfies Record<string, string>;
