import type { Profile } from '../../schema/types';
import { foxlakeS3 } from './foxlakeS3';
import { kafka } from './kafka';
import { mongoCdc } from './mongoCdc';
import { mysqlCdc } from './mysqlCdc';
import { none } from './none';
import { pgCdc } from './pgCdc';
import { rdbSnapshot } from './rdbSnapshot';
import { rdbSnapshotFinished } from './rdbSnapshotFinished';
import { redis } from './redis';
import type { VariantName, VariantSpec } from './variantSpec';

export const VARIANTS: Record<VariantName, VariantSpec> = {
  None: none,
  MysqlCdc: mysqlCdc,
  PgCdc: pgCdc,
  MongoCdc: mongoCdc,
  Redis: redis,
  Kafka: kafka,
  RdbSnapshot: rdbSnapshot,
  RdbSnapshotFinished: rdbSnapshotFinished,
  FoxlakeS3: foxlakeS3,
};

/** The variant as the profile's enum declares it, or undefined when the enum has no such name. */
export function variantAt(name: string, profile: Profile): VariantSpec | undefined {
  const spec = (VARIANTS as Record<string, VariantSpec | undefined>)[name];
  return spec && Object.hasOwn(VARIANTS, name) && spec.profiles.includes(profile) ? spec : undefined;
}

export function variantNamesAt(profile: Profile): VariantName[] {
  return (Object.keys(VARIANTS) as VariantName[]).filter((n) => VARIANTS[n].profiles.includes(profile));
}
