import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 9 for the extension itself: the manifest's texts come from package.nls.json (English)
// and package.nls.zh-cn.json, the client's from vscode.l10n.t with l10n/bundle.l10n.zh-cn.json
// (keyed by the English text). VS Code falls back to the key silently, so a missing entry only
// shows as English in front of a Chinese user: this test is where it fails instead.

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
const pkg = readJson('package.json');
const nlsEn = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;
const bundleZh = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

const CJK = /[\u4e00-\u9fff]/;
/** Has words to translate (not just a name like "ape-dts"). */
const WORDS = /[A-Za-z]{3,} [A-Za-z]{3,}/;
/** ape-dts's own words and setting names stay as written: log_dir, binlog_position, apeDts.resume.strategy. */
const TERMS = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\bapeDts\.[\w.]+|\[[a-z_]+\]/g;

/** Every string value in a JSON tree, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

const NLS_REF = /^%(.+)%$/;
const manifestRefs = strings(pkg).flatMap(([at, s]) => (NLS_REF.test(s) ? [[at, NLS_REF.exec(s)![1]] as const] : []));

describe('package.json and its package.nls files', () => {
  it('resolves every %key% in both languages', () => {
    expect(manifestRefs.length).toBeGreaterThan(20);
    const missing = manifestRefs.flatMap(([at, key]) => [
      ...(key in nlsEn ? [] : [`${at}: %${key}% not in package.nls.json`]),
      ...(key in nlsZh ? [] : [`${at}: %${key}% not in package.nls.zh-cn.json`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('have the same keys in both languages, and no key package.json does not use', () => {
    expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nlsEn).sort());
    const used = new Set(manifestRefs.map(([, key]) => key));
    expect(Object.keys(nlsEn).filter((k) => !used.has(k))).toEqual([]);
  });

  it('leave no user-facing text of the manifest written out in English', () => {
    const c = pkg.contributes as Record<string, any>;
    const userFacing: [string, unknown][] = [
      ['displayName', pkg.displayName],
      ['description', pkg.description],
      ['capabilities.untrustedWorkspaces.description', (pkg.capabilities as any)?.untrustedWorkspaces?.description],
      ['configuration.title', c.configuration.title],
      ...c.commands.flatMap((cmd: any) => [[`${cmd.command}.title`, cmd.title], [`${cmd.command}.category`, cmd.category]]),
      ...c.languages.map((l: any) => [`${l.id}.aliases[0]`, l.aliases[0]]),
      ...Object.entries(c.configuration.properties).flatMap(([name, p]: [string, any]) => [
        ...['description', 'markdownDescription', 'markdownDeprecationMessage', 'deprecationMessage'].filter((f) => f in p).map((f) => [`${name}.${f}`, p[f]]),
        ...(p.enumDescriptions ?? []).map((d: string, i: number) => [`${name}.enumDescriptions[${i}]`, d]),
        ...(p.markdownEnumDescriptions ?? []).map((d: string, i: number) => [`${name}.markdownEnumDescriptions[${i}]`, d]),
      ]),
      ...Object.values(c.menus ?? {}).flatMap((items: any) => items.filter((m: any) => 'title' in m).map((m: any) => [`menu ${m.command}.title`, m.title])),
      ...(c.walkthroughs ?? []).flatMap((w: any) => strings({ title: w.title, description: w.description, steps: w.steps?.map((s: any) => ({ title: s.title, description: s.description })) }, `walkthrough ${w.id}`)),
    ];
    expect(userFacing.filter(([, v]) => typeof v !== 'string' || !NLS_REF.test(v)).map(([at, v]) => `${at}: ${String(v)}`)).toEqual([]);
  });

  it('declare the untrusted-workspace support and the l10n folder', () => {
    expect((pkg.capabilities as any).untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.l10n).toBe('./l10n');
    expect(fs.existsSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'))).toBe(true);
  });

  it('hold Chinese wherever the English has words, keeping setting and ape-dts names', () => {
    const untranslated = Object.keys(nlsEn).filter((k) => WORDS.test(nlsEn[k]) && !CJK.test(nlsZh[k]));
    expect(untranslated).toEqual([]);
    const lost = Object.keys(nlsEn).flatMap((k) => [...new Set(nlsEn[k].match(TERMS) ?? [])].filter((term) => !nlsZh[k].includes(term)).map((term) => `${k}: ${term}`));
    expect(lost).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------
// The client: vscode.l10n.t('English text', ...args), with {0}, {1}… placeholders.

const CLIENT = path.join(ROOT, 'client', 'src');
const clientFiles = fs.readdirSync(CLIENT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(CLIENT, f));

/** The first arguments of every vscode.l10n.t( call, as the string value; null for a non-literal. */
export function l10nCalls(source: string): (string | null)[] {
  const calls: (string | null)[] = [];
  for (const m of source.matchAll(/\bl10n\.t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|(.))/g)) {
    const literal = m[1] ?? m[2];
    calls.push(literal === undefined ? null : literal.replace(/\\(.)/g, '$1'));
  }
  return calls;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join();

describe('the client strings and l10n/bundle.l10n.zh-cn.json', () => {
  const calls = clientFiles.flatMap((file) => l10nCalls(fs.readFileSync(file, 'utf8')).map((text) => ({ file: path.relative(ROOT, file), text })));

  it('passes only string literals to vscode.l10n.t (a computed key cannot be looked up)', () => {
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((c) => c.text === null).map((c) => c.file)).toEqual([]);
  });

  it('has a Chinese entry, with the same placeholders, for every string', () => {
    const problems = calls.flatMap(({ file, text }) => {
      if (text === null) return [];
      if (!(text in bundleZh)) return [`${file}: no entry for "${text}"`];
      const zh = bundleZh[text];
      if (placeholders(zh) !== placeholders(text)) return [`${file}: "${text}" has {${placeholders(text)}}, the Chinese {${placeholders(zh)}}`];
      if (!CJK.test(zh)) return [`${file}: "${text}" is not translated`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('has no entry the client does not use', () => {
    const used = new Set(calls.map((c) => c.text));
    expect(Object.keys(bundleZh).filter((k) => !used.has(k))).toEqual([]);
  });

  it('shows no message, pick or button text that bypasses vscode.l10n.t', () => {
    const bypass = /\b(?:show(?:Information|Warning|Error)Message|showQuickPick|showInputBox)\(\s*['"`]|\b(?:title|label|description|placeHolder|prompt|tooltip|detail|name):\s*['"`][^'"`]*[A-Za-z]{3,}/g;
    const found = clientFiles.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(bypass)].map((m) => `${path.relative(ROOT, file)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('reads literals the way the checks above rely on', () => {
    expect(l10nCalls(`vscode.l10n.t('a {0}', x); vscode.l10n.t(\n  "it's", 1); vscode.l10n.t(\`x\`); vscode.l10n.t('don\\'t')`)).toEqual(['a {0}', "it's", null, "don't"]);
  });
});

describe('the packaged .vsix', () => {
  it('ships package.nls*.json and l10n/*.json (vsce ls applies .vscodeignore)', () => {
    const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
    const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', input: '' });
    expect(r.status, r.stderr).toBe(0);
    const files = r.stdout.split('\n').map((l) => l.trim());
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json']) expect(files).toContain(f);
  });
});
