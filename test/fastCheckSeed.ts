import fc from 'fast-check';

// Property tests explore new inputs on every local run; in CI (CI=true) they replay one fixed
// seed, so what lands is what was tested here, and new counterexamples are found by local runs
// and `npm run fuzz` — then kept as regression tests. FC_SEED picks another seed to replay.
if (process.env.CI || process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261130) });
