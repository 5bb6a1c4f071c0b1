import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeActionsFor, type CodeAction } from '../../server/src/core/features/codeActions';
import { completeAt } from '../../server/src/core/features/completion';
import { definitionAt } from '../../server/src/core/features/definition';
import { hoverAt } from '../../server/src/core/features/hover';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { lintConfig } from '../../server/src/core/lintConfig';
import { VERSION_SETTINGS } from '../../server/src/core/schema/resolveVersion';
import { ensureBuilt, runCli } from '../cli/runCli';
import { ServerSession } from '../lsp/serverSession';

// Secrets never leave the file: passwords in url userinfo, password / s3_secret_key /
// s3_secret_access_key values, a misspelt password key, a password with ' #' in it and
// `password=` in a connection string. Every output is grepped for a distinctive piece of each
// (so a message quoting half a password is caught too): diagnostics, hovers, completions,
// code action titles, outline, the CLI's text and JSON, and all the language server says,
// logs included.

const SECRET_PIECES = [
  'Alpha7x', // url userinfo
  'Bravo3k', // password="…" (lint.quoted-value quotes values)
  'Charlie9q', // url password holding an unencoded '@'
  'Delta5m', // password=… #… (the part before ' #')
  'Echo2n', // …and the part after it
  'Foxtrot8w', // pasword= (misspelt key, judged by name)
  'Golf6j', // s3_secret_access_key
  'Hotel4v', // redis url with an empty user
  'India1c', // [metacenter] password
  'Juliet0p', // s3_secret_key
  'Kilo2z', // url on a foxlake sinker
  'Lima3r', // Password= in a connection string
  'Mike5t', // postgres url
  'November8u', // ?password= in a url query
  'Oscar6e', // a quoted url
  'Papa1y', // [resumer] password
  'Quebec4d', // the same password on two lines (one overwritten)
];

const FIXTURES: Record<string, string> = {
  'mysql_task_config.ini': [
    '[extractor]',
    'db_type=mysql',
    'extract_type=cdc',
    'url=mysql://root:UrlPwAlpha7x@127.0.0.1:3307?ssl-mode=disabled',
    'username=root',
    'password="QuotedPwBravo3k"',
    'server_id=2000',
    '',
    '[filter]',
    'do_events=insert,update,delete',
    '',
    '[sinker]',
    'db_type=mysql',
    'sink_type=write',
    'url=mysql://admin:UrlPw@Charlie9q@127.0.0.1:3308',
    'password=SinkPwDelta5m #TailPwEcho2n',
    'pasword=TypoPwFoxtrot8w',
    'batch_size=200',
    '',
    '[checker]',
    's3_secret_access_key=S3AccessGolf6j',
    '',
    '[metacenter]',
    'type=redis',
    'url=redis://:RedisPwHotel4v@127.0.0.1:6379',
    'password=MetaPwIndia1c',
    '',
    '[resumer]',
    'resume_type=from_target',
    'url=mysql://u:p@h:3306',
    'password=ResumerPwPapa1y',
    'PASSWORD=ResumerPwPapa1y',
    '',
    '[runtime]',
    'log_dir=./logs',
  ].join('\n') + '\n',
  'foxlake_task_config.ini': [
    '\uFEFF[extractor]',
    'db_type=mysql',
    'extract_type=snapshot',
    'url="mysql://root:QuotedUrlOscar6e@127.0.0.1:3307"',
    '[sinker]',
    'db_type=foxlake',
    'sink_type=write',
    'url=mysql://fox:FoxUrlKilo2z@127.0.0.1:3306',
    's3_access_key=AKIDEXAMPLE',
    's3_secret_key=S3SecretJuliet0p',
    's3_secret_key=S3SecretJuliet0p',
  ].join('\r\n') + '\r\n',
  'pg_task_config.ini': [
    '[extractor]',
    'db_type=pg',
    'extract_type=cdc',
    'url=postgres://postgres:PgPwMike5t@127.0.0.1:5433/db?password=QueryPwNovember8u',
    'password=DupPwQuebec4d',
    'password=DupPwQuebec4d',
    '[sinker]',
    'db_type=pg',
    'sink_type=writ',
    'url=Server=h;User Id=sa;Password=ConnPwLima3r;',
    'server_id=abc',
  ].join('\n'),
};

function leaks(output: unknown): string[] {
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  return SECRET_PIECES.filter((piece) => text.includes(piece));
}

/** A code action as shown to the user: everything but the edit, which is file content. */
const shown = (a: CodeAction) => ({ title: a.title, diagnostics: a.diagnostics, codes: a.diagnosticCodes });

describe('the core never shows a secret', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    for (const version of VERSION_SETTINGS) {
      it(`${name} at ${version}: diagnostics, hovers, completions, code actions, outline, definitions`, () => {
        // The fixture must really hold every piece it is about, or the test proves nothing.
        const result = lintConfig(text, { version });
        const outputs: unknown[] = [result.diagnostics, documentSymbols(result)];
        const lines = result.config.scan.lines;
        lines.forEach((line, l) => {
          for (let c = 0; c <= line.length; c++) {
            const position = { line: l, character: c };
            outputs.push(hoverAt(result, position), completeAt(result, position), definitionAt(result, position, '/work/tasks'));
          }
          outputs.push(codeActionsFor(result, { start: { line: l, character: 0 }, end: { line: l, character: line.length } }).map(shown));
        });
        outputs.push(codeActionsFor(result, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }).map(shown));
        expect(leaks(outputs)).toEqual([]);
      });
    }
  }

  it('the fixtures do hold every secret piece (and the rules that quote values fire)', () => {
    expect(leaks(Object.values(FIXTURES))).toEqual(SECRET_PIECES);
    const codes = Object.values(FIXTURES).flatMap((t) => lintConfig(t, { version: '2.0.26' }).diagnostics.map((d) => d.code));
    expect(codes).toEqual(expect.arrayContaining(['lint.quoted-value', 'lint.inline-comment', 'lint.unknown-key', 'lint.duplicate-key']));
  });
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-secrets-'));
  for (const [name, text] of Object.entries(FIXTURES)) fs.writeFileSync(path.join(dir, name), text);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CLI never prints a secret', () => {
  beforeAll(() => ensureBuilt());

  for (const version of VERSION_SETTINGS) {
    it(`lint --ape-dts-version ${version}, text and JSON, per file and for the folder`, () => {
      const runs = [
        runCli(['lint', '--ape-dts-version', version, dir]),
        runCli(['lint', '--ape-dts-version', version, '--format', 'json', dir]),
        ...Object.keys(FIXTURES).map((name) => runCli(['lint', '--ape-dts-version', version, path.join(dir, name)])),
      ];
      for (const r of runs) {
        expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
        expect(leaks(r.stdout + r.stderr)).toEqual([]);
      }
      // The JSON run reported something, so there was output to leak into.
      expect(JSON.parse(runs[1].stdout).length).toBeGreaterThan(5);
    });
  }
});

describe('the language server never sends a secret', () => {
  let session: ServerSession;
  beforeAll(async () => {
    ensureBuilt();
    session = await ServerSession.start({ rootUri: pathToFileURL(dir).toString() });
  });
  afterAll(() => session?.stop());

  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`${name}: diagnostics, hovers, completions, code actions, symbols, folding, definitions and logs`, async () => {
      const uri = pathToFileURL(path.join(dir, name)).toString();
      await session.open(uri, text);
      const published = await session.nextDiagnostics(uri);
      expect(published.diagnostics.length).toBeGreaterThan(0);
      const ask = (method: string, params: object) => session.connection.sendRequest(method, { textDocument: { uri }, ...params });
      const lines = text.split('\n');
      const requests: Promise<unknown>[] = [];
      lines.forEach((line, l) => {
        for (let c = 0; c <= line.length; c++) {
          requests.push(ask('textDocument/hover', { position: { line: l, character: c } }));
          requests.push(ask('textDocument/definition', { position: { line: l, character: c } }));
          if (c % 3 === 0) requests.push(ask('textDocument/completion', { position: { line: l, character: c } }));
        }
        requests.push(ask('textDocument/codeAction', { range: { start: { line: l, character: 0 }, end: { line: l, character: line.length } }, context: { diagnostics: [] } }));
      });
      requests.push(ask('textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: published.diagnostics } }));
      requests.push(ask('textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }));
      requests.push(ask('textDocument/documentSymbol', {}), ask('textDocument/foldingRange', {}));
      const answers = await Promise.all(requests);
      // Code action edits are the file's own text, written back into it; what the user reads is the rest.
      const readable = answers.map((a) => (Array.isArray(a) ? a.map((x) => (x && typeof x === 'object' && 'edit' in x ? { ...x, edit: undefined } : x)) : a));
      expect(answers.filter((a) => a !== null).length).toBeGreaterThan(lines.length);
      expect(leaks(readable)).toEqual([]);
      // Everything the server said on its own: diagnostics of every open file, status, logs.
      expect(leaks(session.received)).toEqual([]);
      expect(leaks(session.stderr.join(''))).toEqual([]);
    });
  }

  it('the server still hides them after an edit and in the logs of a failing request', async () => {
    const uri = pathToFileURL(path.join(dir, 'mysql_task_config.ini')).toString();
    await session.change(uri, FIXTURES['mysql_task_config.ini'].replace('server_id=2000', 'server_id=TRUE'));
    await session.nextDiagnostics(uri);
    // A request with a position the client should never send: the server answers, logs nothing secret.
    await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -5 } }).catch(() => undefined);
    await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1e9, character: 1e9 } }).catch(() => undefined);
    expect(leaks(session.received)).toEqual([]);
    expect(leaks(session.stderr.join(''))).toEqual([]);
  });
});
