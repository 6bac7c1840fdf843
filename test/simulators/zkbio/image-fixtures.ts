// Moved to common/ (the Hongtu simulator makes images too); kept here for the tests that import it.
export { makeJpegHeader, makePng, toBase64 } from '../common/image-fixtures.ts';
