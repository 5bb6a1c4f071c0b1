import type { cliEn } from './cli.en';

// 简体中文: the same ids as cli.en.ts.
export const cliZhCn: Record<keyof typeof cliEn, string> = {
  // usage.ts
  'cli.usage': `用法：apedts lint [选项] PATH...
      apedts resume TASK_CONFIG --log POSITION_FILE (--line N | --latest)
             [--strategy extractor|resume-file] [--ape-dts-version ...] [--allow-current] [--write]
      apedts resume-point TASK_CONFIG [--ape-dts-version ...] [--format text|json]
      apedts lsp --stdio
      apedts --help | --version

按所选 ape-dts 版本加载配置的方式检查 ape-dts 的 task_config.ini 任务配置文件。
PATH 可以是文件（不论文件名都会检查）或文件夹（递归查找 *.ini，跳过 node_modules、.git
和其他以点开头的文件夹）。进度文件也会检查：文件夹下任意位置的 position.log、positionN.log、
finished.log、resume.config 或 *.resume.config，任务配置旁的 *.config，以及作为 PATH
给出的此类文件（或 *.config）；每个文件都对照以其为 log_dir 或断点续传配置文件的任务配置检查。

lint 的选项：
  --ape-dts-version {versions}
                       检查所依据的版本配置（默认 auto：逐个文件判断，使用旧版
                       [resumer] 键的按 2.0.24，其余按 2.0.26）
  --format text|json   text：每条诊断一行“文件:行:列: 严重级别 代码 消息”，最后是汇总；
                       json：一个由 {file, line, column, endLine, endColumn,
                       severity, code, message} 组成的数组，行列从 1 开始（默认 text）

apedts resume 修改 TASK_CONFIG（需要时另写一个断点续传配置文件），使 ape-dts 从
POSITION_FILE 的第 N 行开始，或从它自己会选的那一行开始（--latest）。
不加 --write 时只打印统一格式的 diff，不做任何修改。MySQL 的 current_position 行会被拒绝
（退出码 1，并给出它之前的检查点行），除非加上 --allow-current。

apedts resume-point 打印 ape-dts 下次启动时 TASK_CONFIG 从哪里断点续传：取哪一行进度
（以及其他行为何落选），以及最终生效的 [extractor] 起始位点键。相对路径按配置文件所在的
文件夹解析。JSON：{source, file, line（从 1 开始，或 null）, tag, position（原样的载荷）,
start, overridden, reasons, warnings}。
若按这套 [resumer] 设置 ape-dts 无法启动，退出码为 1。

apedts lsp --stdio 提供与 VS Code 扩展内置相同的语言服务器，供任何支持 LSP 的编辑器使用
（Neovim、Helix、Zed、Emacs…）。

除 lsp 外，每个命令都接受 --lang en|zh-cn，指定消息和汇总的语言
（默认依次取 LC_ALL、LC_MESSAGES、LANG；zh_CN.UTF-8 即 zh-cn）。JSON 字段名、
严重级别和规则代码在各语言下都相同。

退出码：0 未发现错误，1 至少一个错误，2 用法错误或路径无法读取。
`,
  'cli.runHelp': '用法见 apedts --help。',

  // parseArgs.ts
  'cli.args.missingCommand': '缺少命令',
  'cli.args.unknownCommand': "未知命令 '{command}'",
  'cli.args.badVersion': "--ape-dts-version 必须是 {values} 之一（实际为 '{value}'）",
  'cli.args.badFormat': "--format 必须是 text 或 json（实际为 '{value}'）",
  'cli.args.badLang': "--lang 必须是 en 或 zh-cn（实际为 '{value}'）",
  'cli.args.lintNeedsPath': 'lint 至少需要一个 PATH',
  'cli.args.resumeNeedsConfig': 'resume 需要恰好一个 TASK_CONFIG',
  'cli.args.resumeNeedsLog': 'resume 需要 --log POSITION_FILE',
  'cli.args.resumeNeedsLine': 'resume 需要 --line N 或 --latest 之一',
  'cli.args.badLine': "--line 必须是从 1 开始的行号（实际为 '{value}'）",
  'cli.args.badStrategy': "--strategy 必须是 extractor 或 resume-file（实际为 '{value}'）",
  'cli.args.resumePointNeedsConfig': 'resume-point 需要恰好一个 TASK_CONFIG',
  'cli.args.unknownOption': "未知选项 '{option}'",
  'cli.args.missingValue': "选项 '{option}' 需要一个值",
  'cli.args.noValue': "选项 '{option}' 不接受值",
  'cli.args.unexpectedArgument': "多余的参数 '{argument}'",

  // findFiles.ts, cli.ts
  'cli.cannotRead': '无法读取 {path}：{reason}',
  'cli.error.noSuchFile': '文件或文件夹不存在',
  'cli.error.permissionDenied': '权限不足',
  'cli.error.isFolder': '是一个文件夹',
  'cli.error.notFileOrFolder': '既不是文件也不是文件夹',
  'cli.noIniFound': '在 {paths} 中没有找到 *.ini 文件',

  // formatText.ts
  'cli.text.note': '{file}: 注意：按 ape-dts {version} 检查（{reason}）',
  'cli.text.summary': '共 {files}：{counts}（{profile}）',
  'cli.text.listSeparator': '，',
  'cli.text.errors.one': '{n} 个错误',
  'cli.text.errors.other': '{n} 个错误',
  'cli.text.warnings.one': '{n} 个警告',
  'cli.text.warnings.other': '{n} 个警告',
  'cli.text.information': '{n} 条信息',
  'cli.text.hints.one': '{n} 条提示',
  'cli.text.hints.other': '{n} 条提示',
  'cli.text.files.one': '{n} 个文件',
  'cli.text.files.other': '{n} 个文件',
  'cli.text.otherProfile': '{files}按 {version}',
  'cli.text.noProfile': '没有能解码的文件',

  // resumeCommand.ts
  'cli.resume.warning': '警告 {id}：{message}',
  'cli.resume.hint': '提示：{command}',
  'cli.resume.plan': '从 {file} 第 {line} 行断点续传（{variant}，{tag}），策略 {strategy}',
  'cli.resume.noTag': '无标签',
  'cli.resume.wrote': '已写入 {files}',
};
