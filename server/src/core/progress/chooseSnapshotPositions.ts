import { t } from '../i18n';
import type { Profile } from '../schema/types';
import type { OrderKey } from './decodePosition';
import { snapshotKey } from './positionKey';
import { where, type Candidate } from './resumeCandidates';
import { mongoKeyProblem } from './values/mongoValues';
import { legacyMongoValueProblem } from './variants/rdbSnapshot';

// Snapshot resume works per table (snapshot_resumer.rs up to 2.0.24, from_log.rs later):
// RdbSnapshot lines fill a "current" map (tagged current_position) or a "checkpoint" map
// (everything else), last line wins per key; RdbSnapshotFinished lines fill a finished set
// and those tables are skipped. Keys are (schema, tb, order_col) up to 2.0.25 and
// (schema, tb) from 2.0.26. Serial extraction asks for current-else-checkpoint; MySQL
// parallel extraction (≤ 2.0.25) and chunk mode (2.0.26+) ask for checkpoint only.

export interface SnapshotTableChoice {
  schema: string;
  tb: string;
  /** ≤ 2.0.25: the order column the entry is keyed by (FoxlakeS3: ""). */
  orderCol?: string;
  chosen: Candidate;
  /** false when ape-dts will not (or cannot) use it; `why` says what happens instead. */
  usable: boolean;
  why?: string;
}

export interface FinishedChoice {
  schema: string;
  tb: string;
  from: Candidate;
}

export interface SnapshotChoice {
  tables: SnapshotTableChoice[];
  finished: FinishedChoice[];
  losers: { candidate: Candidate; why: string }[];
}

export interface SnapshotMode {
  /** Extraction asks for checkpoint entries only (MySQL parallel ≤ 2.0.25, chunk mode 2.0.26+). */
  checkpointOnly: boolean;
  /** Why, for the reasons list. */
  modeNote?: string;
}

export function chooseSnapshotPositions(profile: Profile, candidates: Candidate[], mode: SnapshotMode): SnapshotChoice {
  const current = new Map<string, Candidate>();
  const checkpoint = new Map<string, Candidate>();
  const finished = new Map<string, Candidate>();
  for (const c of candidates) {
    const p = c.position;
    if (p.type === 'RdbSnapshotFinished') finished.set(JSON.stringify([p.values.schema, p.values.tb]), c);
    else if (p.type === 'RdbSnapshot' || p.type === 'FoxlakeS3') (c.slot === 'current' ? current : checkpoint).set(snapshotKey(p, profile), c);
  }

  const out: SnapshotChoice = { tables: [], finished: [], losers: [] };
  for (const c of finished.values()) out.finished.push({ schema: String(c.position.values.schema), tb: String(c.position.values.tb), from: c });

  const keys = [...new Set([...current.keys(), ...checkpoint.keys()])];
  for (const key of keys) {
    const cur = current.get(key);
    const cp = checkpoint.get(key);
    const chosen = mode.checkpointOnly ? cp : cur ?? cp;
    const other = chosen === cur ? cp : cur;
    const sample = (chosen ?? other)!;
    const schema = String(sample.position.values.schema);
    const tb = String(sample.position.values.tb);
    const done = finished.get(JSON.stringify([schema, tb]));
    if (done) {
      for (const c of [cur, cp]) if (c) out.losers.push({ candidate: c, why: t('progress.snap.finished', { table: `${schema}.${tb}`, where: where(done) }) });
      continue;
    }
    if (other && chosen) {
      out.losers.push({ candidate: other, why: t(chosen.slot === 'current' ? 'progress.snap.takes.current' : 'progress.snap.takes.checkpoint', { table: `${schema}.${tb}`, where: where(chosen) }) });
    }
    if (!chosen) {
      out.losers.push({ candidate: other!, why: mode.modeNote ? t('progress.snap.checkpoint-only', { mode: mode.modeNote }) : t('progress.snap.checkpoint-only.this-mode') });
      continue;
    }
    out.tables.push({ schema, tb, ...orderColOf(chosen, profile), chosen, ...usability(chosen, profile) });
  }
  return out;
}

function orderColOf(c: Candidate, profile: Profile): { orderCol?: string } {
  if (profile === 'current') return {};
  return { orderCol: c.position.type === 'RdbSnapshot' ? String(c.position.values.order_col) : '' };
}

function usability(c: Candidate, profile: Profile): { usable: boolean; why?: string } {
  const v = c.position.values;
  if (c.position.type === 'FoxlakeS3') return { usable: true };
  const mongo = v.db_type === 'mongo';
  if (profile !== 'current') {
    const problem = mongo ? legacyMongoValueProblem(String(v.value)) : undefined;
    return problem
      ? { usable: false, why: t('progress.snap.mongo-value', { problem }) }
      : { usable: true, why: t('progress.snap.order-col', { col: String(v.order_col) }) };
  }
  const key = v.order_key as OrderKey | null | undefined;
  if (!key) {
    const legacy = c.position.ignored.some((m) => m.key === 'order_col');
    return {
      usable: false,
      why: legacy
        ? t('progress.snap.old-shape')
        : t('progress.snap.null-key'),
    };
  }
  if (mongo) {
    const value = key.shape === 'single' ? key.parts[0].value : undefined;
    if (value === null || value === undefined) {
      return { usable: false, why: t('progress.snap.mongo-key') };
    }
    const problem = mongoKeyProblem(value);
    if (problem) return { usable: false, why: t('progress.snap.mongo-value', { problem }) };
  }
  const cols = key.parts.map((p) => p.col).join(', ');
  return { usable: true, why: t('progress.snap.order-cols', { cols }) };
}
