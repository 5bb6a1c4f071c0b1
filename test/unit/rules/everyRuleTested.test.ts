import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_RULES } from '../../../server/src/core/rules/registry';

// Every rule has at least one test naming its id (by convention each such test has a
// failing and a passing input).
describe('rule coverage', () => {
  it('every config rule id appears in a test under test/unit', () => {
    const root = path.resolve(__dirname, '..');
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.test.ts') && e.name !== 'everyRuleTested.test.ts') texts.push(fs.readFileSync(p, 'utf8'));
      }
    };
    walk(root);
    const all = texts.join('\n');
    const untested = [...new Set(CONFIG_RULES.map((r) => r.id))].filter((id) => !all.includes(`'${id}'`));
    expect(untested).toEqual([]);
  });
});
