import { describe, expect, it } from 'vitest';
import { withLocale } from '../../server/src/core/i18n';
import { describeArgError } from '../../server/src/cli/argError';
import { cliLocale, langArgument, localeFromEnvironment, parseLangValue } from '../../server/src/cli/cliLocale';
import { parseArgs } from '../../server/src/cli/parseArgs';

describe('the CLI language', () => {
  it('takes the first set locale variable: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeFromEnvironment({})).toBe('en');
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-cn');
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'C', LC_ALL: 'zh_SG.UTF-8' })).toBe('zh-cn');
    expect(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN' })).toBe('zh-cn');
    expect(localeFromEnvironment({ LANG: 'zh_TW.UTF-8' })).toBe('en');
  });

  it('--lang wins over the environment; an invalid one leaves the environment in charge', () => {
    expect(cliLocale(['lint', '--lang', 'en', 'x'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLocale(['lint', '--lang=zh-cn', 'x'], {})).toBe('zh-cn');
    expect(cliLocale(['lint', '--lang', 'fr', 'x'], { LANG: 'zh_CN.UTF-8' })).toBe('zh-cn');
  });

  it('reads --lang as node:util parseArgs does: the last one, none after --, none for lsp', () => {
    expect(langArgument(['lint', '--lang', 'en', '--lang=zh-cn'])).toBe('zh-cn');
    expect(langArgument(['lint', '--', '--lang', 'zh-cn'])).toBeUndefined();
    expect(langArgument(['lint', 'x', '--lang'])).toBeUndefined();
    expect(langArgument(['lsp', '--stdio', '--lang', 'zh-cn'])).toBeUndefined();
  });

  it('accepts exactly en and zh-cn, in any letter case', () => {
    expect(['en', 'EN', 'zh-cn', 'zh-CN'].map(parseLangValue)).toEqual(['en', 'en', 'zh-cn', 'zh-cn']);
    expect(['', 'zh', 'zh_CN', 'zh-tw', 'fr'].map(parseLangValue)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('parseArgs rejects a bad --lang on every command', () => {
    for (const argv of [['--help', '--lang', 'x'], ['lint', '--lang', 'x', 'a.ini'], ['resume', 'a.ini', '--log', 'p', '--latest', '--lang', 'x'], ['resume-point', 'a.ini', '--lang', 'x']]) {
      expect(parseArgs(argv), argv.join(' ')).toEqual({ kind: 'usage-error', message: "--lang must be en or zh-cn (got 'x')" });
    }
    expect(parseArgs(['lint', '--lang', 'zh-cn', 'a.ini'])).toMatchObject({ kind: 'lint', paths: ['a.ini'] });
  });
});

describe("node:util parseArgs's errors", () => {
  const error = (code: string, message: string) => Object.assign(new TypeError(message), { code });

  it('stay Node’s own sentences in English', () => {
    expect(describeArgError(error('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--fix'"))).toBe("Unknown option '--fix'");
  });

  it('are rebuilt from the code and the quoted option in Chinese', () => {
    withLocale('zh-cn', () => {
      expect(describeArgError(error('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '-x'"))).toBe("未知选项 '-x'");
      expect(describeArgError(error('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--format <value>' argument missing"))).toBe("选项 '--format' 需要一个值");
      expect(describeArgError(error('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '-h, --help' does not take an argument"))).toBe("选项 '--help' 不接受值");
      expect(describeArgError(error('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument 'x'. This command does not take positional arguments"))).toBe("多余的参数 'x'");
      // An error we do not know keeps its text rather than turning into a wrong translation.
      expect(describeArgError(new Error('something else'))).toBe('something else');
    });
  });
});
