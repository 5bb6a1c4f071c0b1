import { t } from '../i18n';

// "Did you mean" for misspelt sections, keys and values: the closest candidate by
// edit distance (adjacent swaps count as one edit), if it is close enough to be a typo.

// Remembered per candidate list: a file repeats its typos (a pasted block, thousands of lines of
// one wrong key), and the rule and its quick fix ask about the same words.
const remembered = new Map<string, Map<string, string | undefined>>();
const REMEMBER_WORDS = 10_000;

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const listKey = list.join('\u0000');
  let byWord = remembered.get(listKey);
  if (!byWord) {
    if (remembered.size > 100) remembered.clear();
    remembered.set(listKey, (byWord = new Map()));
  }
  if (byWord.has(word)) return byWord.get(word);
  if (byWord.size > REMEMBER_WORDS) byWord.clear();
  const found = closestUncached(word, list);
  byWord.set(word, found);
  return found;
}

function closestUncached(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // Only a candidate within `limit` is ever suggested; the length gap alone rules most out,
    // which keeps a megabyte-long key from costing megabytes of table per candidate.
    if (Math.abs(c.length - w.length) > limit) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  // A candidate that the word is a prefix of (is_direct_connect → is_direct_connection) is a typo too.
  if (best !== undefined && bestDistance <= limit) return best;
  const prefixed = [...candidates].filter((c) => w.length >= 4 && c.toLowerCase().startsWith(w));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/** A sentence to append to a message (with its own leading space in English), or '' without a suggestion. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? t('lint.did-you-mean', { suggestion }) : '';
}
