export { scanIni } from '../../server/src/core/ini/scanIni';
export { lintConfig } from '../../server/src/core/lintConfig';
export { hoverAt } from '../../server/src/core/features/hover';
export { completeAt } from '../../server/src/core/features/completion';
export { codeActionsFor, fixAll } from '../../server/src/core/features/codeActions';
export { documentSymbols } from '../../server/src/core/features/symbols';
export { foldingRanges } from '../../server/src/core/features/folding';
export { definitionAt } from '../../server/src/core/features/definition';
export { planKeyEdits } from '../../server/src/core/edits/setConfigKeys';
