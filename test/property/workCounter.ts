import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';

// Counting work instead of timing it: the core is bundled again with a counter bumped on every
// function call and every loop iteration (a TypeScript transform inserts the calls), and the
// string built-ins the core leans on (indexOf, slice, split, regex exec…) add the characters
// they look at. The count is deterministic, so "twice the input, about twice the work" can be
// asserted exactly, without the noise of a timer.

const REPO = path.resolve(__dirname, '../..');
const COUNTER = '__apeWork';

interface Counter {
  n: number;
}

const counter: Counter = ((globalThis as Record<string, unknown>)[COUNTER] as Counter | undefined) ?? { n: 0 };
(globalThis as Record<string, unknown>)[COUNTER] = counter;

function tick(f: ts.NodeFactory): ts.Expression {
  // __apeWork.n++
  return f.createPostfixIncrement(f.createPropertyAccessExpression(f.createIdentifier(COUNTER), 'n'));
}

function withTick(f: ts.NodeFactory, body: ts.Statement): ts.Block {
  const statements = ts.isBlock(body) ? body.statements : [body];
  return f.createBlock([f.createExpressionStatement(tick(f)), ...statements], true);
}

const countingTransformer: ts.TransformerFactory<ts.SourceFile> = (context) => {
  const f = context.factory;
  const visit = (node: ts.Node): ts.Node => {
    node = ts.visitEachChild(node, visit, context);
    if (ts.isForStatement(node)) return f.updateForStatement(node, node.initializer, node.condition, node.incrementor, withTick(f, node.statement));
    if (ts.isForOfStatement(node)) return f.updateForOfStatement(node, node.awaitModifier, node.initializer, node.expression, withTick(f, node.statement));
    if (ts.isForInStatement(node)) return f.updateForInStatement(node, node.initializer, node.expression, withTick(f, node.statement));
    if (ts.isWhileStatement(node)) return f.updateWhileStatement(node, node.expression, withTick(f, node.statement));
    if (ts.isDoStatement(node)) return f.updateDoStatement(node, withTick(f, node.statement), node.expression);
    if (ts.isArrowFunction(node)) {
      const body = ts.isBlock(node.body) ? withTick(f, node.body) : f.createParenthesizedExpression(f.createCommaListExpression([tick(f), node.body]));
      return f.updateArrowFunction(node, node.modifiers, node.typeParameters, node.parameters, node.type, node.equalsGreaterThanToken, body);
    }
    if (ts.isFunctionDeclaration(node) && node.body) {
      return f.updateFunctionDeclaration(node, node.modifiers, node.asteriskToken, node.name, node.typeParameters, node.parameters, node.type, withTick(f, node.body));
    }
    if (ts.isFunctionExpression(node)) {
      return f.updateFunctionExpression(node, node.modifiers, node.asteriskToken, node.name, node.typeParameters, node.parameters, node.type, withTick(f, node.body));
    }
    if (ts.isMethodDeclaration(node) && node.body) {
      return f.updateMethodDeclaration(node, node.modifiers, node.asteriskToken, node.name, node.questionToken, node.typeParameters, node.parameters, node.type, withTick(f, node.body));
    }
    return node;
  };
  return (sf) => ts.visitNode(sf, visit) as ts.SourceFile;
};

const countingPlugin: Plugin = {
  name: 'count-work',
  setup(build) {
    build.onLoad({ filter: /server[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const out = ts.transpileModule(source, {
        fileName: args.path,
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false, isolatedModules: true },
        transformers: { before: [countingTransformer] },
      });
      return { contents: out.outputText, loader: 'js' };
    });
  },
};

/** Bundles `modulePath` (relative to the repo) with counters and loads it. */
export async function loadCounted<T>(modulePath: string): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-work-'));
  const outfile = path.join(dir, 'counted.cjs');
  await build({
    entryPoints: [path.join(REPO, modulePath)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    plugins: [countingPlugin],
  });
  return createRequire(__filename)(outfile) as T;
}

type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

/** Characters a built-in looked at, as a function of its receiver, arguments and result. */
const STRING_COSTS: Record<string, (s: string, args: unknown[], r: unknown) => number> = {
  indexOf: (s, a, r) => ((r as number) < 0 ? s.length : (r as number)) - Number(a[1] ?? 0) + String(a[0]).length,
  lastIndexOf: (s, a, r) => Math.min(s.length, a[1] === undefined ? s.length : Number(a[1]) + 1) - Math.max(0, r as number) + String(a[0]).length,
  includes: (s) => s.length,
  startsWith: (_s, a) => String(a[0]).length,
  endsWith: (_s, a) => String(a[0]).length,
  slice: (_s, _a, r) => (r as string).length,
  substring: (_s, _a, r) => (r as string).length,
  split: (s) => s.length,
  toLowerCase: (s) => s.length,
  toUpperCase: (s) => s.length,
  trim: (s) => s.length,
  trimStart: (s) => s.length,
  trimEnd: (s) => s.length,
  replace: (s) => s.length,
  replaceAll: (s) => s.length,
  match: (s) => s.length,
  matchAll: (s) => s.length,
  search: (s) => s.length,
  repeat: (_s, _a, r) => (r as string).length,
  padStart: (_s, _a, r) => (r as string).length,
  padEnd: (_s, _a, r) => (r as string).length,
  normalize: (s) => s.length,
  localeCompare: (s) => s.length,
};

/**
 * Runs `fn` with the string built-ins counting the characters they examine, and returns the
 * work done: counted function calls + loop iterations + characters examined by built-ins.
 */
export function countWork(fn: () => void): number {
  const saved: [object, string, AnyFn][] = [];
  const patch = (proto: object, name: string, cost: (self: never, args: unknown[], r: unknown) => number) => {
    const original = (proto as Record<string, AnyFn>)[name];
    saved.push([proto, name, original]);
    (proto as Record<string, AnyFn>)[name] = function (this: unknown, ...args: unknown[]) {
      const r = original.apply(this, args);
      counter.n += Math.max(1, cost(this as never, args, r));
      return r;
    };
  };
  for (const [name, cost] of Object.entries(STRING_COSTS)) patch(String.prototype, name, (s: string, a, r) => cost(String(s), a, r));
  // A regex looks from where it starts (lastIndex for a global one) to the end of its match,
  // or to the end of the input when there is none.
  for (const name of ['exec', 'test'] as const) {
    const original = RegExp.prototype[name] as AnyFn;
    saved.push([RegExp.prototype, name, original]);
    (RegExp.prototype as unknown as Record<string, unknown>)[name] = function (this: RegExp, ...args: unknown[]) {
      const input = String(args[0]);
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const r = original.apply(this, args);
      const to = r === null || r === false ? input.length : this.global || this.sticky ? this.lastIndex : r === true ? input.length : (r as RegExpExecArray).index + (r as RegExpExecArray)[0].length;
      counter.n += Math.max(1, to - from);
      return r;
    };
  }
  for (const name of ['join', 'slice', 'concat', 'indexOf', 'includes', 'lastIndexOf', 'reverse'] as const) {
    patch(Array.prototype, name, (arr: unknown[], _a, r) => (Array.isArray(r) ? r.length : 0) + (name === 'join' ? (r as string).length : 0) + (name === 'indexOf' || name === 'includes' || name === 'lastIndexOf' ? arr.length : 0));
  }
  const start = counter.n;
  try {
    fn();
  } finally {
    for (const [proto, name, original] of saved.reverse()) (proto as Record<string, AnyFn>)[name] = original;
  }
  return counter.n - start;
}
