import { codeVersion } from '../shared/cli/code-version.ts';
const t = performance.now(); console.log(await codeVersion(), Math.round(performance.now() - t), 'ms');
