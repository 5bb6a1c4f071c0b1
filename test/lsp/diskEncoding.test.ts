import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskEncodingCheck, type FileSystem } from '../../server/src/lsp/diskEncoding';
import { ServerSession, summarize } from './serverSession';

// Issue 8: a task config saved as GBK reaches the server as text full of U+FFFD. ape-dts reads
// the file as UTF-8 and stops, so the server says exactly that, once, instead of linting the
// replacement characters.

// `# 任务一` in GBK, then a key whose value is GBK too.
const GBK = Buffer.concat([
  Buffer.from('[extractor]\n# '),
  Buffer.from([0xc8, 0xce, 0xce, 0xf1, 0xd2, 0xbb]),
  Buffer.from('\ndb_type=mysql\nextract_type=cdc\nurl=mysql://'),
  Buffer.from([0xd3, 0xc3, 0xbb, 0xa7]),
  Buffer.from('@127.0.0.1:3307\n'),
]);
/** What VS Code shows for those bytes when it opens them as UTF-8. */
const asEditorShowsIt = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-encoding-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, bytes);
  return pathToFileURL(file).toString();
}

describe('DiskEncodingCheck', () => {
  it('reports the first byte that is not UTF-8, where the editor shows it', () => {
    const uri = write('task_config.ini', GBK);
    const d = new DiskEncodingCheck().diagnosticFor(uri, asEditorShowsIt(GBK));
    expect(d && { ...d.range, code: d.code, severity: d.severity }).toEqual({
      start: { line: 1, character: 2 },
      end: { line: 1, character: 3 },
      code: 'ini.encoding',
      severity: 'error',
    });
    expect(d!.message).toContain('0xC8');
  });

  it('also when the editor decoded the GBK bytes correctly ("Reopen with Encoding"): ape-dts still reads UTF-8', () => {
    const uri = write('task_config.ini', GBK);
    const asGbk = '[extractor]\n# 任务一\ndb_type=mysql\nextract_type=cdc\nurl=mysql://用户@127.0.0.1:3307\n';
    expect(new DiskEncodingCheck().diagnosticFor(uri, asGbk)?.code).toBe('ini.encoding');
  });

  it('leaves ASCII-only text, files that are UTF-8, and non-file documents alone', () => {
    const check = new DiskEncodingCheck();
    expect(check.diagnosticFor(write('a_task_config.ini', GBK), '[extractor]\n')).toBeUndefined();
    const genuine = Buffer.from('[extractor]\n# \uFFFD is a character too\n');
    expect(check.diagnosticFor(write('b_task_config.ini', genuine), genuine.toString())).toBeUndefined();
    expect(check.diagnosticFor('untitled:Untitled-1', asEditorShowsIt(GBK))).toBeUndefined();
    expect(check.diagnosticFor(pathToFileURL(path.join(root, 'gone.ini')).toString(), asEditorShowsIt(GBK))).toBeUndefined();
  });

  it('reads a file once per size and modification time', () => {
    let reads = 0;
    let stat = { size: GBK.length, mtimeMs: 1 };
    let bytes: Uint8Array = GBK;
    const files: FileSystem = {
      statSync: () => stat,
      readStart: (_p, max) => {
        reads++;
        return bytes.subarray(0, max);
      },
    };
    const check = new DiskEncodingCheck(files);
    const uri = 'file:///tasks/task_config.ini';
    const text = asEditorShowsIt(GBK);
    expect(check.diagnosticFor(uri, text)?.code).toBe('ini.encoding');
    expect(check.diagnosticFor(uri, text)?.code).toBe('ini.encoding');
    expect(reads).toBe(1);
    bytes = Buffer.from('[extractor]\n# \uFFFD\n');
    stat = { size: bytes.length, mtimeMs: 2 };
    expect(check.diagnosticFor(uri, text)).toBeUndefined();
    expect(reads).toBe(2);
  });

  it('reads only the start of a large file, and does not blame the cut for a split sequence', () => {
    // 10 bytes read of a longer file: '# 任' in UTF-8 is 5 bytes, '务' is cut after its first byte.
    const utf8 = Buffer.from('[x]\n# 任务务务\n');
    const files = (bytes: Uint8Array): FileSystem => ({ statSync: () => ({ size: bytes.length, mtimeMs: 0 }), readStart: (_p, max) => bytes.subarray(0, max) });
    expect(new DiskEncodingCheck(files(utf8), 10).diagnosticFor('file:///t.ini', '\uFFFD')).toBeUndefined();
    const early = Buffer.concat([Buffer.from('[x]\n'), Buffer.from([0xc8, 0x20]), Buffer.from('a'.repeat(100))]);
    expect(new DiskEncodingCheck(files(early), 10).diagnosticFor('file:///t.ini', '\uFFFD')?.range.start).toEqual({ line: 1, character: 0 });
  });
});

describe('the server', () => {
  let session: ServerSession | undefined;
  afterEach(() => {
    session?.stop();
    session = undefined;
  });

  it('publishes one encoding error for a GBK task config instead of linting the replacement characters', async () => {
    const uri = write('task_config.ini', GBK);
    session = await ServerSession.start({ settings: { version: '2.0.26' } });
    await session.open(uri, asEditorShowsIt(GBK));
    const { diagnostics } = await session.nextDiagnostics(uri);
    expect(diagnostics.map(summarize)).toEqual([{ line: 1, from: 2, to: 3, code: 'ini.encoding', severity: 'error' }]);

    // Saved as UTF-8 (VS Code writes U+FFFD as EF BF BD): the file loads, so it is linted as usual.
    const text = asEditorShowsIt(GBK);
    fs.writeFileSync(new URL(uri), text, 'utf8');
    await session.change(uri, text);
    const after = await session.nextDiagnostics(uri);
    expect(after.diagnostics.map((d) => d.code)).not.toContain('ini.encoding');
  });
});
