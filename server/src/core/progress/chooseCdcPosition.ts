import { t } from '../i18n';
import type { Profile } from '../schema/types';
import { cdcKey } from './positionKey';
import { where, type Candidate } from './resumeCandidates';
import type { VariantName } from './variants/variantSpec';

// Which CDC position the resumer hands to the extractor, per profile:
// - legacy (cdc_resumer.rs): two slots, last line wins per slot. After the config file the
//   current slot is overwritten with the checkpoint slot, so current-tagged config lines
//   never count. MySQL and PG read the checkpoint slot, Mongo and Kafka the current slot;
//   Redis never asks.
// - transitional (from_log.rs @ 2.0.25): two slots, last wins; the checkpoint slot if set,
//   else the current one, for every source. Redis still never asks.
// - current (from_log.rs @ 2.0.26): entries keyed `<slot>:<position key>`, last wins per
//   key; all checkpoint entries sorted by key if there is any, else all current entries;
//   a single-stream extractor takes the first.
// In every profile a position of another source is ignored (2.0.25+ with a WARN) and the
// extractor starts from its [extractor] keys.

export const CDC_VARIANT_OF: Readonly<Record<string, VariantName>> = {
  mysql: 'MysqlCdc',
  pg: 'PgCdc',
  mongo: 'MongoCdc',
  kafka: 'Kafka',
  redis: 'Redis',
};

export interface Loser {
  candidate: Candidate;
  why: string;
}

export interface CdcChoice {
  /** The position the extractor starts from (already checked against the source). */
  chosen?: Candidate;
  /** What the resumer would hand over before the source check (differs when it is ignored). */
  handedOver?: Candidate;
  losers: Loser[];
  reasons: string[];
  warnings: string[];
}

export function chooseCdcPosition(
  profile: Profile,
  version: string,
  dbType: string | undefined,
  candidates: Candidate[],
  redisCluster = false,
): CdcChoice {
  const out: CdcChoice = { losers: [], reasons: [], warnings: [] };
  const expected = dbType ? CDC_VARIANT_OF[dbType] : undefined;
  if (!expected) {
    out.reasons.push(dbType ? t('progress.cdc.no-resume', { dbType }) : t('progress.cdc.no-resume.unset'));
    return out;
  }
  if (expected === 'Redis' && profile !== 'current') {
    out.warnings.push(t('PL029.sim', { version }));
    return out;
  }

  let handedOver: Candidate | undefined;
  if (profile === 'current') {
    handedOver = chooseByKey(candidates, out, expected === 'Redis' && redisCluster);
  } else {
    const slots: { current?: Candidate; checkpoint?: Candidate } = {};
    for (const c of candidates.filter((c) => c.source === 'config_file')) slots[c.slot] = c;
    if (profile === 'legacy') {
      const dropped = slots.current;
      if (dropped) {
        out.losers.push({ candidate: dropped, why: t('progress.cdc.legacy-current-dropped', { version }) });
      }
      slots.current = slots.checkpoint;
    }
    for (const c of candidates.filter((c) => c.source !== 'config_file')) slots[c.slot] = c;
    const useSlot =
      profile === 'legacy'
        ? expected === 'MongoCdc' || expected === 'Kafka' ? 'current' : 'checkpoint'
        : slots.checkpoint ? 'checkpoint' : 'current';
    handedOver = slots[useSlot];
    const other = slots[useSlot === 'current' ? 'checkpoint' : 'current'];
    if (other && other !== handedOver) {
      out.losers.push({
        candidate: other,
        why:
          profile === 'legacy'
            ? t(useSlot === 'current' ? 'progress.cdc.only-current' : 'progress.cdc.only-checkpoint', { version, dbType: String(dbType) })
            : t('progress.cdc.prefers-checkpoint', { version }),
      });
    }
  }

  out.handedOver = handedOver;
  if (!handedOver) return out;
  if (handedOver.position.type !== expected) {
    out.warnings.push(
      t(profile === 'legacy' ? 'PL010.sim.silently' : 'PL010.sim.warn', { where: where(handedOver), type: handedOver.position.type, expected }),
    );
    return out;
  }
  out.chosen = handedOver;
  return out;
}

function chooseByKey(candidates: Candidate[], out: CdcChoice, perNode: boolean): Candidate | undefined {
  const entries = new Map<string, Candidate>();
  for (const c of candidates) entries.set(`${c.slot}:${cdcKey(c.position, 'current')}`, c);
  const sorted = (slot: string) =>
    [...entries.entries()]
      .filter(([k]) => k.startsWith(slot + ':'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, c]) => c);
  const checkpoints = sorted('checkpoint');
  const currents = sorted('current');
  const list = checkpoints.length > 0 ? checkpoints : currents;
  if (checkpoints.length > 0) {
    for (const c of currents) out.losers.push({ candidate: c, why: t('progress.cdc.prefers-checkpoint.current') });
  }
  const [first, ...rest] = list;
  if (perNode) {
    // The cluster extractor matches one entry per master node (node_id first, then address)
    // and takes only entries that carry both.
    for (const c of list) {
      const { node_id, address } = c.position.values;
      if (!node_id || !address) {
        out.warnings.push(t('PL029.sim.cluster', { where: where(c) }));
      } else if (c !== first) {
        out.reasons.push(t('progress.cdc.cluster-node', { node: String(node_id), address: String(address), where: where(c) }));
      }
    }
    return first;
  }
  for (const c of rest) {
    out.losers.push({
      candidate: c,
      why: t('progress.cdc.first-key', { first: cdcKey(first.position, 'current'), key: cdcKey(c.position, 'current') }),
    });
  }
  return first;
}
