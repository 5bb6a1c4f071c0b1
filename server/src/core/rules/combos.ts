import { t } from '../i18n';
import { EXTRACTOR_COMBOS, SINKER_COMBOS } from '../schema/combos';
import { enumValues } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import type { ComboTable } from '../schema/types';
import { isPlaceholder } from '../values/parseValue';
import type { ConfigRule, Report } from './rule';

// The loader builds the extractor from (db_type, extract_type) and the sinker from
// (db_type, sink_type); an unsupported pair stops it. For the sinker the message names the
// db_type even when only the sink_type is wrong ("sinker db type: mysql not supported").

function checkPair(task: TaskView, report: Report, section: 'extractor' | 'sinker', table: ComboTable): void {
  const typeKey = section === 'extractor' ? 'extract_type' : 'sink_type';
  const dbType = task.config.value(section, 'db_type');
  const type = task.eff(`${section}.${typeKey}`);
  if (!dbType || !type || isPlaceholder(dbType) || isPlaceholder(type)) return;
  if (section === 'sinker' && type === 'dummy') return;
  // A value that does not parse at all is type.parse's to report.
  if (!enumValues('DbType', task.version).includes(dbType)) return;
  if (!enumValues(section === 'extractor' ? 'ExtractType' : 'SinkType', task.version).includes(type)) return;

  const accepted = table[task.version][dbType];
  const dbEntry = task.config.entry(section, 'db_type')!;
  if (!accepted) {
    const capable = Object.keys(table[task.version]).join(', ');
    const id = section === 'extractor' ? 'combo.extractor.db_type' : 'combo.sinker.db_type';
    report(dbEntry.valueRange, t(id, { version: task.version, dbType, capable }));
    return;
  }
  if (accepted === '*' || accepted.includes(type)) return;
  const typeEntry = task.config.entry(section, typeKey);
  const id = section === 'extractor' ? 'combo.extractor.type' : 'combo.sinker.type';
  report((typeEntry ?? dbEntry).valueRange, t(id, { version: task.version, type, dbType, accepted: accepted.join(', ') }));
}

const extractorCombo: ConfigRule = {
  id: 'combo.extractor',
  severity: 'error',
  check: (task, report) => checkPair(task, report, 'extractor', EXTRACTOR_COMBOS),
};

const sinkerCombo: ConfigRule = {
  id: 'combo.sinker',
  severity: 'error',
  check: (task, report) => checkPair(task, report, 'sinker', SINKER_COMBOS),
};

export const comboRules: readonly ConfigRule[] = [extractorCombo, sinkerCombo];
