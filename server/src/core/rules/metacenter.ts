import { t } from '../i18n';
import type { ConfigRule } from './rule';

// [metacenter] type=dbengine only does something with a MySQL source; then its url must be
// a third database, compared as an exact string with the source and target urls.

const urlDistinct: ConfigRule = {
  id: 'metacenter.url-distinct',
  severity: 'error',
  check(task, report) {
    if (task.eff('metacenter.type') !== 'dbengine' || task.eff('extractor.db_type') !== 'mysql') return;
    const url = task.config.value('metacenter', 'url');
    if (!url) return;
    const destination =
      task.version === '2.0.26' && !task.derived('nonDummySinker') ? task.config.value('checker', 'url') : task.config.value('sinker', 'url');
    const clash =
      url === task.config.value('extractor', 'url') ? 'metacenter.url-distinct.extractor' : url === destination ? 'metacenter.url-distinct.destination' : undefined;
    if (!clash) return;
    report(task.config.entry('metacenter', 'url')!.valueRange, t(clash));
  },
};

const nonMysql: ConfigRule = {
  id: 'lint.metacenter.non-mysql',
  severity: 'warning',
  check(task, report) {
    const dbType = task.config.value('extractor', 'db_type');
    if (task.eff('metacenter.type') !== 'dbengine' || !dbType || dbType === 'mysql' || dbType.startsWith('{')) return;
    report(task.config.entry('metacenter', 'type')!.valueRange, t('lint.metacenter.non-mysql', { dbType }));
  },
};

export const metacenterRules: readonly ConfigRule[] = [urlDistinct, nonMysql];
