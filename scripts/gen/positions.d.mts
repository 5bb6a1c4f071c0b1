// Types of positions.mjs, for tests that generate progress files.
export type PositionKind = 'mysql' | 'pg' | 'mongo' | 'redis' | 'snapshot';

export interface GenerateOptions {
  kind: PositionKind;
  /** Stop after this many lines. */
  lines?: number;
  /** Stop before this many bytes. */
  bytes?: number;
  /** Share of lines replaced by damaged ones, 0..1. */
  garbled?: number;
  seed?: number;
  version?: '2.0.24' | '2.0.25' | '2.0.26';
  /** [pipeline] checkpoint_interval_secs of the task that wrote the file. */
  interval?: number;
}

export const KINDS: readonly PositionKind[];
export const GENERATOR_VERSION: number;
export function prng(seed: number): () => number;
export function generatePositions(options: GenerateOptions, write: (chunk: string) => void): { lines: number; bytes: number };
export function generatePositionsFile(file: string, options: GenerateOptions): { lines: number; bytes: number };
export function parseSize(text: string): number;
