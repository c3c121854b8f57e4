// The light build of exifr (JPEG and HEIC, GPS included) has no types of its own: it has the full build's.
declare module 'exifr/dist/lite.esm.mjs' {
  export { gps } from 'exifr';
}
