import { t } from '../../i18n';
import { scanJson } from '../json/scanJson';

// Mongo values that ape-dts parses only when it uses them, so a bad one is accepted in the
// log and fails the task later.

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

export function isObjectIdHex(text: string): boolean {
  return OBJECT_ID.test(text);
}

/**
 * A change-stream resume token is the JSON text of the stream's `_id` document, e.g.
 * `{"_data":"8267…"}`; `""` means none (op_log always writes "").
 */
export function resumeTokenProblem(token: string): string | undefined {
  if (token === '') return undefined;
  const scan = scanJson(token);
  if (!scan.ok) return t('progress.problem.token.not-json', { error: scan.error.message });
  return scan.node.kind === 'object' ? undefined : t('progress.problem.token.not-document');
}

// v2.0.26+ snapshot `_id` values are the JSON text of a MongoKey (ObjectId, String, Int32,
// Int64, CanonicalExtJson); a bare 24-hex ObjectId is accepted too.
const MONGO_KEY_KINDS = ['ObjectId', 'String', 'Int32', 'Int64', 'CanonicalExtJson'];

export function mongoKeyProblem(text: string): string | undefined {
  if (isObjectIdHex(text)) return undefined;
  const scan = scanJson(text);
  if (!scan.ok || scan.node.kind !== 'object' || scan.node.members.length !== 1) {
    return t('progress.problem.mongo-key');
  }
  const kind = scan.node.members[0].key;
  return MONGO_KEY_KINDS.includes(kind) ? undefined : t('progress.problem.mongo-key.kind', { kind, kinds: MONGO_KEY_KINDS.join(', ') });
}
