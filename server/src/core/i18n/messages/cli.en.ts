// English texts of the cli domain; see README.md for ids and placeholders.
export const cliEn = {
  // usage.ts: {versions} is the list of --ape-dts-version values.
  'cli.usage': `Usage: apedts lint [options] PATH...
       apedts resume TASK_CONFIG --log POSITION_FILE (--line N | --latest)
              [--strategy extractor|resume-file] [--ape-dts-version ...] [--allow-current] [--write]
       apedts resume-point TASK_CONFIG [--ape-dts-version ...] [--format text|json]
       apedts lsp --stdio
       apedts --help | --version

Checks ape-dts task_config.ini files the way the chosen ape-dts version loads them.
PATH is a file (linted whatever its name) or a folder (searched recursively for *.ini,
skipping node_modules, .git and other dot-folders). Progress files are checked too: a
position.log, positionN.log, finished.log, resume.config or *.resume.config anywhere under
a folder, a *.config beside a task config, or any such file (or *.config) given as PATH;
each against the task config whose log_dir or resume config file it is.

Options for lint:
  --ape-dts-version {versions}
                       version profile to check against (default: auto, which reads
                       each file: legacy [resumer] keys mean 2.0.24, else 2.0.26)
  --format text|json   text: file:line:col: severity code message, then a summary;
                       json: one array of {file, line, column, endLine, endColumn,
                       severity, code, message}, 1-based (default: text)

apedts resume edits TASK_CONFIG (and writes a resume config file when that is the way) so
ape-dts starts from line N of POSITION_FILE, or from the line it would pick itself (--latest).
Without --write it prints a unified diff and changes nothing. A MySQL current_position line
is refused (exit 1, naming the checkpoint line before it) unless --allow-current.

apedts resume-point prints where ape-dts resumes TASK_CONFIG on its next start: which
progress line it takes (and why the others lose) and the [extractor] start keys it ends up
with. Relative paths resolve against the config's folder. JSON: {source, file, line (1-based
or null), tag, position (the payload as written), start, overridden, reasons, warnings}.
Exit 1 when ape-dts would not start with this [resumer] setup.

apedts lsp --stdio serves the same language server the VS Code extension bundles, for
any editor that speaks LSP (Neovim, Helix, Zed, Emacs…).

Every command but lsp takes --lang en|zh-cn, the language of messages and summaries
(default: from LC_ALL, then LC_MESSAGES, then LANG; zh_CN.UTF-8 means zh-cn). JSON field
names, severities and rule codes are the same in every language.

Exit status: 0 no error found, 1 at least one error, 2 bad usage or unreadable path.
`,
  'cli.runHelp': 'Run apedts --help for usage.',

  // parseArgs.ts
  'cli.args.missingCommand': 'missing command',
  'cli.args.unknownCommand': "unknown command '{command}'",
  'cli.args.badVersion': "--ape-dts-version must be one of {values} (got '{value}')",
  'cli.args.badFormat': "--format must be text or json (got '{value}')",
  'cli.args.badLang': "--lang must be en or zh-cn (got '{value}')",
  'cli.args.lintNeedsPath': 'lint needs at least one PATH',
  'cli.args.resumeNeedsConfig': 'resume needs exactly one TASK_CONFIG',
  'cli.args.resumeNeedsLog': 'resume needs --log POSITION_FILE',
  'cli.args.resumeNeedsLine': 'resume needs either --line N or --latest',
  'cli.args.badLine': "--line must be a line number from 1 (got '{value}')",
  'cli.args.badStrategy': "--strategy must be extractor or resume-file (got '{value}')",
  'cli.args.resumePointNeedsConfig': 'resume-point needs exactly one TASK_CONFIG',
  // Node's parseArgs errors; the English run prints Node's own sentence instead (see argError.ts).
  'cli.args.unknownOption': "unknown option '{option}'",
  'cli.args.missingValue': "option '{option}' needs a value",
  'cli.args.noValue': "option '{option}' does not take a value",
  'cli.args.unexpectedArgument': "unexpected argument '{argument}'",

  // findFiles.ts, cli.ts
  'cli.cannotRead': 'cannot read {path}: {reason}',
  'cli.error.noSuchFile': 'no such file or folder',
  'cli.error.permissionDenied': 'permission denied',
  'cli.error.isFolder': 'is a folder',
  'cli.error.notFileOrFolder': 'not a file or folder',
  'cli.noIniFound': 'no *.ini file found in {paths}',

  // formatText.ts
  'cli.text.note': '{file}: note: checked against ape-dts {version} ({reason})',
  'cli.text.summary': '{counts} in {files} ({profile})',
  'cli.text.listSeparator': ', ',
  'cli.text.errors.one': '{n} error',
  'cli.text.errors.other': '{n} errors',
  'cli.text.warnings.one': '{n} warning',
  'cli.text.warnings.other': '{n} warnings',
  'cli.text.information': '{n} information',
  'cli.text.hints.one': '{n} hint',
  'cli.text.hints.other': '{n} hints',
  'cli.text.files.one': '{n} file',
  'cli.text.files.other': '{n} files',
  'cli.text.otherProfile': '{version} for {files}',
  'cli.text.noProfile': 'no file could be decoded',

  // resumeCommand.ts
  'cli.resume.warning': 'warning {id}: {message}',
  'cli.resume.hint': 'hint: {command}',
  'cli.resume.plan': 'resume from {file} line {line} ({variant}, {tag}), strategy {strategy}',
  'cli.resume.noTag': 'no tag',
  'cli.resume.wrote': 'wrote {files}',
} as const satisfies Record<string, string>;
