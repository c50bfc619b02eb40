export * from './types';
export * from './sections';
export * from './versions';
export { T3_NOTE } from './t3';
export { T4_BLOCKS, T4_RESULTS } from './t4';
export * from './legacy';
