export * from './scrub';
