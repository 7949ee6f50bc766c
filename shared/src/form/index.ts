/** The form layer: value validation from the catalogue's field descriptions, prefill, the canonical hash and the revision rule. */
export * from './types';
export * from './codes';
export { isEmptyValue, normalizeValue, normalizeDate, normalizePhone } from './normalize';
export * from './validate';
export * from './schema';
export * from './prefill';
export * from './canonical';
export * from './revision';
