import { t } from '../i18n';
import { range, type Diagnostic } from '../diagnostic';
import type { ApeVersion } from '../schema/types';

// ape-dts fills the log folder into log4rs.yaml by replacing a placeholder, whose spelling
// changed: LOG_DIR_PLACEHODLER (sic) up to 2.0.24, LOG_DIR_PLACEHOLDER from 2.0.25 (and the
// same for the level). A customised YAML written for the other spelling is not substituted,
// so logs — position.log included — go to a folder literally named after the token.

export function lintLog4rs(text: string, version: ApeVersion): Diagnostic[] {
  const wrong = version === '2.0.24' ? 'PLACEHOLDER' : 'PLACEHODLER';
  const right = version === '2.0.24' ? 'PLACEHODLER' : 'PLACEHOLDER';
  const out: Diagnostic[] = [];
  text.split('\n').forEach((line, n) => {
    for (const m of line.matchAll(new RegExp(`\\b([A-Z_]+_)${wrong}\\b`, 'g'))) {
      out.push({
        range: range(n, m.index!, m.index! + m[0].length),
        severity: 'warning',
        code: 'PL036',
        message: t('PL036', { version, right: `${m[1]}${right}`, wrong: m[0] }),
      });
    }
  });
  return out;
}
