export * from './vocabulary.js';
export * from './roman.js';
