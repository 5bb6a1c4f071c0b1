// What the in-process benchmark cases call, bundled from the TypeScript sources by
// bench/lib/common.mjs (esbuild) into bench/.build/core.cjs.
export { lintConfig } from '../../server/src/core/lintConfig';
export { parseTaskConfig } from '../../server/src/core/model/taskConfig';
export { simulateResume } from '../../server/src/core/progress/simulateResume';
export { validateProgressFileSync } from '../../server/src/io/streamProgressFile';
export { readProgressTail } from '../../server/src/io/readProgressTail';
