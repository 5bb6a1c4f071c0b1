import { describe, expect, it } from 'vitest';
import { withLocale } from '../../../server/src/core/i18n';
import { describePosition } from '../../../server/src/core/progress/describePosition';
import { lintProgress } from '../../../server/src/core/progress/lintProgress';
import { parseProgressLine } from '../../../server/src/core/progress/parseProgressLine';
import { acceptedPosition } from '../../../server/src/core/progress/progressLine';
import type { ProgressFileKind } from '../../../server/src/core/progress/progressFileKind';
import { loserWhy, simulateResume } from '../../../server/src/core/progress/simulateResume';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { NONE, T, file, ini, mysql, pg, snap, snapKey } from '../progress/progressHelper';

// Issue 9: the progress-file rules speak Simplified Chinese under zh-cn — the same findings
// on the same ranges, every value filled in, and no English fragment glued into a sentence.

const CJK = /[\u4e00-\u9fff]/;
const PLACEHOLDER = /\{[A-Za-z_]\w*\}/;
/** English glue that code used to add around values ("line N", "instead", "skips this line" …). */
const ENGLISH_GLUE = /\bline \d|\binstead\b|skips this line|supersedes|the checkpoint|Fix the line|is not valid|found a |end of input/;

const MYSQL_24 = file(
  mysql(100), //                                               1 fine
  mysql(110).replace('110', '"110"'), //                       2 quoted number (PL004)
  mysql(120).replace('MysqlCdc', 'MySQLCdc'), //               3 unknown variant (PL003)
  mysql(130).replace('"gtid_set"', '"gtid_set":"","gtid_set"'), // 4 duplicate key (PL004)
  mysql(140, 'current_positon'), //                            5 misspelt current tag (PL001)
  mysql(90, 'checkpoint_position', '', 'mysql-bin.000004'), // 6 a step back (PL012)
  NONE(), //                                                   7 fine
  mysql(150).slice(0, 120), //                                 8 truncated last line (PL014)
);

const SNAPSHOT_26 = file(
  snap('orders', '10'), //                                     1 the ≤ 2.0.25 shape (PL006)
  snapKey('users', '5').replace('"users"', '"users",'), //     2 not JSON (PL002)
  `${T} | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"test_db","tb":"items","order_key":null}`, // 3 PL031
  snapKey('items', '7').replace('"single"', '"singel"'), //    4 unknown order_key shape (PL004)
  snapKey('users', '9'),
);

const CONFIG_26 = file(
  `// ${pg('0/5D65CB0').slice(T.length + 3)}`, //                1 a '//' that comments nothing out (PL019)
  pg('0/XYZ').slice(T.length + 3), //                           2 a malformed LSN (PL004)
  `{"type":"PgCdc","lsn":"0/1","timestamp":"2024-10-18 05:22:21.756","extra":12345678901234567}`, // 3 PL037
);

const CASES: [name: string, text: string, version: ApeVersion, kind: ProgressFileKind][] = [
  ['a hand-edited MySQL position.log at 2.0.24', MYSQL_24, '2.0.24', 'position'],
  ['a broken snapshot position.log at 2.0.26', SNAPSHOT_26, '2.0.26', 'position'],
  ['a hand-written PG resume config at 2.0.26', CONFIG_26, '2.0.26', 'resumeConfig'],
];

const lint = (text: string, version: ApeVersion, kind: ProgressFileKind) => lintProgress({ version, text, kind });
const where = (d: { code: string; severity: string; range: unknown }) => ({ code: d.code, severity: d.severity, range: d.range });

describe('progress rules under zh-cn', () => {
  for (const [name, text, version, kind] of CASES) {
    it(`report the same findings in Chinese for ${name}`, () => {
      const en = lint(text, version, kind);
      const zh = withLocale('zh-cn', () => lint(text, version, kind));
      expect(en.length).toBeGreaterThan(2);
      expect(zh.map(where)).toEqual(en.map(where));
      for (const [i, d] of zh.entries()) {
        expect(d.message, d.code).toMatch(CJK);
        expect(d.message, d.code).not.toMatch(PLACEHOLDER);
        expect(d.message, d.code).not.toBe(en[i].message);
        expect(d.message, d.code).not.toMatch(ENGLISH_GLUE);
      }
      // And the locale is back to English afterwards.
      expect(lint(text, version, kind).map((d) => d.message)).toEqual(en.map((d) => d.message));
    });
  }

  it('fill the values and the translated fragments into whole Chinese sentences', () => {
    const zh = withLocale('zh-cn', () => lint(MYSQL_24, '2.0.24', 'position'));
    const of = (code: string) => zh.filter((d) => d.code === code).map((d) => d.message);
    expect(of('PL003')).toEqual(["未知变体 'MySQLCdc'：变体名区分大小写，请写成 'MysqlCdc'。ape-dts 会跳过这一行（反正第 5 行会取代它）。请修正或删除这一行。"]);
    expect(of('PL004')[0]).toBe("'next_event_position' 是加了引号的数字（\"110\"）；必须去掉引号。ape-dts 会跳过这一行（反正第 5 行会取代它）。请修正或删除这一行。");
    expect(of('PL012')).toEqual([
      '任务运行期间，位点从 mysql-bin.000004 的 140 处（第 5 行）倒退到了 mysql-bin.000004 的 90 处。ape-dts 自身从不会这样：很可能有另一个任务在写同一个 log_dir，或者文件被编辑过。',
    ]);
    expect(of('PL014')[0]).toMatch(/^最后一行被截断或已损坏（.+），这是崩溃时常见的情况：ape-dts 会跳过它，改从第 6 行（上一个同类位点）续传。/);
  });

  it('translate the JSON scanner’s reason inside a PL002 message', () => {
    const zh = withLocale('zh-cn', () => lint(SNAPSHOT_26, '2.0.26', 'position'));
    expect(zh.find((d) => d.code === 'PL002')?.message).toBe(
      "内容不是合法的 JSON（此处应为双引号括起的键，实际是 ','），因此 ape-dts 会跳过这一行，且没有其他同类位点可供续传。请修正或删除这一行。",
    );
  });

  it('give the resume prediction’s reasons and warnings in Chinese', () => {
    const input = {
      version: '2.0.24' as const,
      config: ini('[extractor]', 'db_type=mysql', 'extract_type=cdc', 'gtid_enabled=true', '[resumer]', 'resume_from_log=true'),
      files: { positionLog: { path: 'logs/position.log', text: MYSQL_24 } },
    };
    const en = simulateResume(input);
    const zh = withLocale('zh-cn', () => simulateResume(input));
    expect(zh.line).toBe(en.line);
    expect(zh.reasons).toContain("position.log 第 8 行被跳过（被截断的最后一行，PL014）：它的内容缺少结尾的 '}'（PL002）。");
    expect(zh.warnings.some((w) => w.startsWith('PL009: gtid_enabled=true 而 gtid_set 为空'))).toBe(true);
    for (const s of [...zh.reasons, ...zh.warnings]) {
      expect(s).toMatch(CJK);
      expect(s).not.toMatch(PLACEHOLDER);
    }
  });
});

describe('why a line loses, read back from the reasons in either language', () => {
  it('finds the reason of the current line that a checkpoint beats', () => {
    const input = {
      version: '2.0.26' as const,
      config: ini('[extractor]', 'db_type=mysql', 'extract_type=cdc', '[resumer]', 'resume_type=from_log'),
      files: { positionLog: { path: 'logs/position.log', text: file(mysql(100, 'current_position'), mysql(90)) } },
    };
    expect(loserWhy(simulateResume(input).reasons, 'position.log line 1')).toBe('ape-dts 2.0.26+ prefers any checkpoint line over every current line');
    expect(loserWhy(simulateResume(input).reasons, 'position.log line 2')).toBeUndefined();
    const zh = withLocale('zh-cn', () => loserWhy(simulateResume(input).reasons, 'position.log 第 1 行'));
    expect(zh).toBe('ape-dts 2.0.26+ 优先使用任何检查点行，而不是任何 current 行');
  });
});

describe('a position described for a hover under zh-cn', () => {
  const position = (text: string) => acceptedPosition(parseProgressLine(text, 0, 'position', 'current'))!;

  it('names the MySQL binlog file, offset and GTID set in Chinese', () => {
    const p = position(mysql(73685, 'checkpoint_position', '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'));
    expect(describePosition(p)).toBe('mysql-bin.000004 at 73685, GTID set 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5');
    expect(withLocale('zh-cn', () => describePosition(p))).toBe('mysql-bin.000004 的 73685 处，GTID 集合 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5');
    expect(withLocale('zh-cn', () => describePosition(position(mysql(4, 'checkpoint_position', '', ''))))).toBe('（无 binlog 文件） 的 4 处');
  });
});
