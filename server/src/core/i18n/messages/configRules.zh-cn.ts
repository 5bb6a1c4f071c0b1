import type { configRulesEn } from './configRules.en';

// 简体中文: the same ids as configRules.en.ts.
export const configRulesZhCn: Record<keyof typeof configRulesEn, string> = {
  // numbers.ts
  'num.extractor.batch_size': '从 2.0.26 起，[extractor] batch_size=0 在加载配置时即被拒绝（文档说 0 会退回到 buffer_size，但代码并不接受）。删除这一行以使用默认值，或填写一个正数。',
  'num.sinker.batch_size': '从 2.0.26 起，[sinker] batch_size 必须大于 0，否则 ape-dts 在加载配置时就会停止。串行写入请用 1。',
  'num.snapshot-parallel-size-zero': '{key}=0 会让 ape-dts {version} 在加载配置时除以零，任务未启动就崩溃。请填 1 或更大的值。',
  'startup.parallel_size.zero': '[parallelizer] parallel_size=0 能通过加载，但任务在分发第一批数据时就会失败。请填 1 或更大的值。',
  'lint.buffer_size.zero.batch-size': '[pipeline] buffer_size=0：ape-dts 2.0.26 由它推导 [extractor] batch_size，并在加载时停止（"[extractor].batch_size must be greater than 0"）。请填一个正数（默认 16000）。',
  'lint.buffer_size.zero.no-progress': '[pipeline] buffer_size=0：管道中容纳不了任何事件，任务无法推进。请填一个正数（默认 16000）。',
  'startup.max_connections': '[{section}] max_connections 至少为 1，否则 ape-dts 在连接数据库之前就会报配置错误并停止。',
  'num.connection_timeout_secs': '[{section}] connection_timeout_secs 必须大于 0，否则 ape-dts 在加载配置时就会停止。',
  'num.rebalance': '在 parallel_type=snapshot 时，{key} 必须大于 0，否则 ape-dts 在加载配置时就会停止。',

  // iniSyntax.ts
  'ini.unterminated-section': "段头缺少结尾的 ']'：ape-dts 会拒绝整个文件。请补上右括号，例如 [extractor]。",
  'ini.empty-key': "这一行以 '=' 或 ':' 开头，键名为空：ape-dts 会拒绝整个文件。请在分隔符前写上键名，或在行首加 '#' 改为注释。",

  // iniStructure.ts
  'lint.key-before-section': "'{rawKey}' 位于第一个 [section] 段头之前：ape-dts 把它归入隐藏的 'default' 段，从不读取。请把它移到所属的段下。",
  'lint.duplicate-key.no-value': "'{key}' 在第 {line} 行再次出现，ape-dts 只保留最后一个（那一行没有值，会抹掉这里的值）。请删除其中一行。",
  'lint.duplicate-key.empty': "'{key}' 在第 {line} 行再次出现，ape-dts 只保留最后一个（那一行的值为空，即使用默认值）。请删除其中一行。",
  'lint.duplicate-key.wins': "'{key}' 在第 {line} 行再次出现，ape-dts 只保留最后一个（以那一行为准）。请删除其中一行。",
  'lint.duplicate-section': '[{name}] 再次出现（第一次在第 {line} 行）；ape-dts 会合并两处，两处都设置的键以后者为准。',
  'lint.key-without-value': "这一行既没有 '=' 也没有 ':'，ape-dts 把 '{rawKey}' 读作没有值的键：它不起作用，还会抹掉同一个键之前的值。请写成 '{key}=<value>'，或在行首加 '#' 改为注释。",
  'lint.double-slash-comment': "在 ape-dts 中 '//' 不表示注释：这一行会被读作一个无用的键。注释请以 '#' 或 ';' 开头。",
  'lint.inline-comment.quoted': "ape-dts 不支持行内注释：'{tail}' 是 '{key}' 的值的一部分。请把注释移到单独的一行。",
  'lint.inline-comment.secret': "ape-dts 不支持行内注释：从注释符号开始的全部内容都是 '{key}' 的值的一部分。请把注释移到单独的一行。",
  'lint.bom': '文件以 UTF-8 字节顺序标记（BOM）开头，而 ape-dts 不会去掉它：它看不到这个 [{name}] 段头，其中的键全部丢失，任务在加载配置时停止。请将文件另存为不带 BOM 的 UTF-8。',
  'lint.bom.other': '文件以 UTF-8 字节顺序标记（BOM）开头，而 ape-dts 不会去掉它：它看不到这个 [{name}] 段头，会静默丢弃其中的键。请将文件另存为不带 BOM 的 UTF-8。',

  // suggest.ts
  'lint.did-you-mean': "是否想写 '{suggestion}'？",

  // unknownNames.ts
  'lint.versions.only': '仅在 {version} 中',
  'lint.versions.range': '在 {since} 至 {until} 中',
  'lint.versions.since': '从 {since} 起',
  'lint.versions.until': '到 {until} 为止',
  'lint.versions.every': '在所有版本中',
  'lint.use-instead': '请改用 {replacement}。',
  'lint.unknown-section.other-version': 'ape-dts {version} 没有 [{name}] 段（它{versions}才有），因此会忽略其中的所有内容。请确认你运行的 ape-dts 版本。',
  'lint.unknown-section': 'ape-dts 没有 [{name}] 段，会静默忽略其中的键。',
  'lint.unknown-key': "ape-dts 不认识 [{section}] 中的 '{key}'，会静默忽略它，因此使用默认值。",
  'lint.docs-only-key': "ape-dts {version} 不读取 [{section}] 中的 '{key}'：{note}",
  'lint.removed-key': "ape-dts {version} 不读取 [{section}] 中的 '{key}'（它{versions}才被读取），因此不起作用。",
  'lint.key-other-db-type': "在 [{section}] db_type={dbType} 时 '{key}' 不起作用：它适用于 {where}。请删除它，或检查 db_type。",
  'lint.key-other-task-type': "对 {dbType} 且 {typeKey}={type} 的任务，'{key}' 不起作用：它适用于 {where}。",

  // required.ts
  'req.key.missing': '缺少 [{section}] {key}，而本任务需要它，ape-dts 会在加载配置时停止（"config [{section}].{key} does not exist or is empty"）。请在 [{section}] 下设置 {key}=<value>。',
  'req.key.empty': '[{section}] {key} 为空，而本任务需要它，ape-dts 会在加载配置时停止（"config [{section}].{key} does not exist or is empty"）。请在 [{section}] 下设置 {key}=<value>。',
  'req.sinker.section': '没有 [sinker] 段：从 2.0.26 起 ape-dts 要求必须有，否则在加载配置时停止（"config [sinker] is required"）。如果任务不写入任何地方，请添加 [sinker] 并设置 sink_type=dummy。',

  // valueTypes.ts
  'type.parse.bool': '[{section}] {key}={value} 无法解析为 {rustType}，ape-dts 会在加载配置时停止。应为 true 或 false（小写）。',
  'type.parse.int': '[{section}] {key}={value} 无法解析为 {rustType}，ape-dts 会在加载配置时停止。应为 {min} 到 {max} 之间的整数，不带单位或分隔符。',
  'type.parse.f64': '[{section}] {key}={value} 无法解析为 {rustType}，ape-dts 会在加载配置时停止。应为小数，例如 1.5。',
  'type.parse.enum': '[{section}] {key}={value} 无法解析为 {rustType}，ape-dts 会在加载配置时停止。应为以下之一：{allowed}。',
  'type.parse.inline-comment': "'#' 或 ';' 之后的文字也是值的一部分：ape-dts 不支持行内注释。",
  'lint.value-case': "ape-dts 的取值区分大小写：'{value}' 在加载配置时会被拒绝。请写成 '{caseOf}'。",

  // combos.ts
  'combo.extractor.db_type': 'ape-dts {version} 不能把 db_type={dbType} 用作源端，会在加载配置时停止。可用作源端的有：{capable}。',
  'combo.sinker.db_type': 'ape-dts {version} 不能把 db_type={dbType} 用作目标端，会在加载配置时停止。可用作目标端的有：{capable}。',
  'combo.extractor.type': 'ape-dts {version} 不支持 [extractor] db_type={dbType} 搭配 extract_type={type}，会在加载配置时停止。支持的有：{accepted}。',
  'combo.sinker.type': 'ape-dts {version} 不支持 [sinker] db_type={dbType} 搭配 sink_type={type}，会在加载配置时停止。支持的有：{accepted}。',

  // rejectedKeys.ts
  'resumer.legacy-rejected': 'ape-dts {version} 拒绝 [resumer] {key}：即使值为空，任务也会在启动时报配置错误并停止（之后的版本为 CF002）。旧的断点续传键已被 resume_type=from_log 加 log_dir 和 config_file 取代。',
  'checker.enable-legacy': 'ape-dts {version} 拒绝 [checker] {key}：即使值为空，任务也会在启动时报配置错误并停止（之后的版本为 CF002）。现在数据校验由 sink_type=check、[checker] 段或 [checker_cdc] is_enabled=true 开启。',

  // resumer.ts
  'lint.v25.legacy-resumer-ignored': "ape-dts 2.0.25 在这里会忽略 '{key}'：只有当 resume_config_file 与 resume_from_log 或 resume_log_dir 一起设置时，它才读取旧的断点续传键。没有 resume_type 时任务根本不会续传。请使用 resume_type=from_log 加 log_dir / config_file。",
  'lint.v25.legacy-resumer-overrides': "'{key}' 被忽略：设置了 resume_config_file 再加上 resume_from_log 或 resume_log_dir 时，ape-dts 2.0.25 改按旧键执行。请只保留一种写法，推荐 resume_type=from_log 加 log_dir / config_file。",
  'lint.legacy-resumer-migrate': "'{key}' 在 {version} 中可用，但 ape-dts 2.0.26 遇到它会拒绝启动。新的写法是 resume_type=from_log 加 log_dir 和 config_file（2.0.25 及以后）。",
  'lint.resume_log_dir.without-flag': 'resume_log_dir 只在 resume_from_log=true 时才被读取，所以 ape-dts 不会从这个目录读取 position.log。请添加 resume_from_log=true，或删除这一行。',
  'lint.resume-type-unused-keys': "在 resume_type={resumeType} 时不读取 '{key}'，它不起作用。请删除它，或设置它所属的 resume_type。",

  // resumerStartup.ts
  'startup.resumer.table_full_name': "table_full_name 必须是 schema.table 形式（恰好一个 '.'），例如 apecloud_metadata.apedts_task_position；否则 ape-dts 在启动时失败。",
  'startup.resumer.backend': 'resume_type={resumeType} 会把检查点存进 {dbType} 数据库，而 ape-dts {version} 做不到（它支持 {supported}）；任务会在启动时失败。',
  'startup.from_log.struct': 'resume_type=from_log 不支持结构迁移（struct）任务；ape-dts 会在启动时失败。结构迁移请删除 [resumer] 的设置。',
  'lint.resume.task_id': '数据库中的检查点以 [global] task_id 为键；没有它时，ape-dts 会根据 url、账号密码、批大小、过滤和路由规则推导出一个：改动其中任何一项或升级版本，都会静默丢失检查点。请设置 [global] task_id=<固定名称>。',
  'lint.resume.from_target-dummy': 'resume_type=from_target 在 sink_type=dummy 时不起作用：没有目标端可以保存检查点，所以不会创建 resumer，任务从 [extractor] 的键指定的位点开始。',
  'startup.mongo.chunk': 'mongo 全量任务不能把表切分成 chunk；ape-dts 会在启动时失败。请使用 parallel_type=table。',

  // checker.ts
  'checker.cdc-requires-cdc-write': '[checker_cdc] is_enabled=true 只适用于 sink_type=write 的增量（cdc）任务；否则 ape-dts 在加载配置时停止。',
  'checker.target-url': '本任务会做数据校验，校验对象是 [sinker] url；它为空，ape-dts 会在加载配置时停止。请把 [sinker] url 设为要校验的数据库。',
  'checker.unsupported.targets': 'ape-dts 无法以 {target} 为目标端校验 {pair}（它支持的目标端为 {targets}），会在加载配置时停止。请删除校验设置或更换目标端。',
  'checker.unsupported.none': 'ape-dts 无法以 {target} 为目标端校验 {pair}（这种任务形态没有对应的校验器），会在加载配置时停止。请删除校验设置或更换目标端。',
  'checker.recheck-queue': '{key} 必须大于 0，否则 ape-dts 在加载配置时就会停止。',
  'checker.sample_percent': 'sample_percent 必须是 1 到 100 之间的整数（留空表示校验每一行）；否则 ape-dts 在加载配置时停止。',
  'checker.cdc-rdb-merge': '增量过程中的内联 CDC 校验需要 [parallelizer] parallel_type=rdb_merge；否则 ape-dts 在加载配置时停止。',
  'lint.checker.ignored-on-cdc': '在增量（cdc）任务中，除非 [checker_cdc] 设置了 is_enabled=true，否则 [checker] 会被忽略：不会执行任何校验，其中的键甚至不会被检查。',

  // metacenter.ts
  'metacenter.url-distinct.extractor': '[metacenter] url 与 [extractor] url 相同；ape-dts 要求用单独的数据库存放 DDL 元数据，会在加载配置时停止。',
  'metacenter.url-distinct.destination': '[metacenter] url 与目标端 url 相同；ape-dts 要求用单独的数据库存放 DDL 元数据，会在加载配置时停止。',
  'lint.metacenter.non-mysql': 'type=dbengine 只对 mysql 源端有效；db_type={dbType} 时 ape-dts 会静默改用 basic。',

  // filterRouter.ts
  'lint.filter.tbs-shape.empty': '[filter] {key} 中有一个空条目；每个条目都必须是 schema.table（例如 db1.tb1 或 db1.*），否则 ape-dts 在任务启动时 panic。请删除多余的逗号，并把每张表写成 schema.table。',
  'lint.filter.tbs-shape.entry': "[filter] {key} 中有 '{entry}'；每个条目都必须是 schema.table（例如 db1.tb1 或 db1.*），否则 ape-dts 在任务启动时 panic。请删除多余的逗号，并把每张表写成 schema.table。",
  'startup.router.tokens': "[router] {key} 被拆分成 {count} 个名称，但 ape-dts 要求每个条目 {per} 个（{example}），否则在启动时 panic。请检查是否缺少或多出了 ','、'.' 或 ':'。",
  'startup.router.tokens.topic_map-example': 'db.tb:topic，并配上 *.*:default_topic',

  // filterEvents.ts
  'lint.filter.enum-values.star': `'*' 只有单独使用时才表示"全部"；与其他条目写在一起时，ape-dts 用它什么也匹配不到。请写成 {key}=*，或逐一列出类型。`,
  'lint.filter.enum-values.empty': '{key} 中有一个空条目；请删除多余的逗号。',
  'lint.filter.enum-values.unknown': "'{name}' 不是 ape-dts {version} 认识的{kind}类型，因此永远匹配不到。{suggestion}已知的有：{known}。",
  'lint.filter.enum-values.kind.do_events': '事件',
  'lint.filter.enum-values.kind.do_ddls': ' DDL ',
  'lint.filter.enum-values.kind.do_dcls': ' DCL ',
  'lint.filter.enum-values.kind.do_structures': '结构',
  'lint.do_events.empty-v24.empty': 'do_events 为空：ape-dts {version} 因此不会同步任何 insert、update 或 delete（全量任务会跳过每张表）。请设置 do_events=insert,update,delete（从 2.0.26 起，为空表示全部）。',
  'lint.do_events.empty-v24.not-set': '没有设置 do_events：ape-dts {version} 因此不会同步任何 insert、update 或 delete（全量任务会跳过每张表）。请设置 do_events=insert,update,delete（从 2.0.26 起，为空表示全部）。',
  'lint.do_events.snapshot-insert': '全量任务以 insert 的形式复制数据行，但 do_events 中没有 insert：每张表都会被跳过。请加上 insert（或使用 *）。',

  // valueFormats.ts
  'startup.json.invalid': '[{section}] {key} 不符合 ape-dts 的要求：JSON 无效（{error}）。任务启动时会失败。应为 {expected}。',
  'startup.json.not-array': '[{section}] {key} 不符合 ape-dts 的要求：它是一个 JSON {kind}，而不是数组。任务启动时会失败。应为 {expected}。',
  'startup.json.item-not-object': '[{section}] {key} 不符合 ape-dts 的要求：第 {item} 项是一个 JSON {kind}，而不是对象。任务启动时会失败。应为 {expected}。',
  'startup.json.item-missing-field': '[{section}] {key} 不符合 ape-dts 的要求：第 {item} 项没有 "{field}"。任务启动时会失败。应为 {expected}。',
  'startup.json.field-kind': '[{section}] {key} 不符合 ape-dts 的要求：第 {item} 项中的 "{field}" 必须是 JSON {kind}。任务启动时会失败。应为 {expected}。',
  'startup.json.kind.array': '数组',
  'startup.json.kind.object': '对象',
  'startup.json.kind.string': '字符串',
  'startup.json.kind.number': '数字',
  'startup.json.kind.boolean': '布尔值',
  'startup.json.kind.null': 'null',
  'lint.json-prefix': "ape-dts 接受不带 'json:' 前缀的 {key}，但它的文档总是写上前缀；加上它能让别人更容易读懂这个文件。",
  'startup.time': "{key}='{value}' 不是 ape-dts 能读取的时间格式，任务会在启动时失败。请写成 YYYY-MM-DD HH:MM:SS（UTC），例如 2024-10-18 05:21:44。",
  'lint.time.offset-ignored': "ape-dts 能读取时区偏移 '{offset}'，但会忽略它：{key} 始终按 UTC 处理。请把时间换算成 UTC 并去掉偏移。",
  'lint.pg.start_lsn': "start_lsn='{value}' 不是 PostgreSQL LSN；它应形如 0/1A2B3C4（用 '/' 分隔的两个十六进制数），与 pg_current_wal_lsn() 的结果相同。",
  'lint.url.scheme.none-expected': "{dbType} 的 url 是不带协议前缀的 host:port；'{scheme}://' 会导致连接失败。",
  'lint.url.scheme.wrong': "[{section}] db_type={dbType} 需要 {wanted} 形式的 url，但这里是 '{scheme}://'；连接会失败。请检查 url 或 db_type。",
  'lint.url.scheme.missing': '[{section}] url 没有协议前缀；db_type={dbType} 需要 {wanted}…',
  'lint.url.scheme.or': ' 或 ',
  'startup.stream_load_url': '{dbType} 的 write 目标端需要带主机和端口的 stream_load_url（例如 http://user:pass@fe-host:8030）；没有它 ape-dts 会在启动时失败。',
  'startup.redis.statistic_type': "{key}='{value}' 不是 {allowed} 之一；任务会在启动时失败。",
  'lint.redis.method': "{key}='{value}' 不是 {allowed} 之一；ape-dts 会静默改用 'restore'。",
  'lint.kafka.required_acks': "{key}='{value}' 不是 {allowed} 之一；ape-dts 会静默改用 'one'。",
  'lint.log_level': "{key}='{value}' 不是 {allowed} 之一；任务会在启动时失败。",
  'lint.mysql.server_id.range': 'MySQL 只接受 1 到 4294967295 之间的 server_id（且在其所有副本中唯一）；ape-dts 能加载 {value}，但 binlog 连接会被拒绝。',
  'lint.mysql.binlog_position-without-file': 'binlog_filename 为空时 binlog_position 会被忽略：ape-dts 从最新的 binlog 位点开始。请同时设置 binlog_filename（例如 mysql-bin.000004）。',
  'lint.mysql.gtid_set-without-flag': '除非 gtid_enabled=true，否则 gtid_set 会被忽略；ape-dts 改从 binlog_filename / binlog_position 开始。要从这个 GTID 集合开始，请添加 gtid_enabled=true。',
  'lint.quoted-value': "ape-dts 会保留引号：'{key}' 被读作 {value}，引号也包含在内。请去掉引号。",

  // registry.ts
  'rules.more-on-line': '…这一行还有 {count} 个与上面相同的问题（不再逐一列出）。',
  'rules.clipped': '{start} …（省略了 {count} 个字符）… {end}',

  // workspace/sharedLogDir.ts
  'lint.log_dir.unique': '本任务从 {dir}/position.log 断点续传，但 {names} 也把进度写入同一个目录，ape-dts 可能会按另一个任务的位点续传。请为每个任务设置各自的 [runtime] log_dir（路径按各自配置文件所在目录解析）。',
};
