import { VERSION_SETTINGS } from '../core/schema/resolveVersion';

export const USAGE = `Usage: apedts lint [options] PATH...
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
  --ape-dts-version ${VERSION_SETTINGS.join('|')}
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

Exit status: 0 no error found, 1 at least one error, 2 bad usage or unreadable path.
`;
