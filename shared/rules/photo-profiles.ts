import type { Vendor } from '../contract/backends.ts';

type PhotoFormat = 'jpeg' | 'png' | 'bmp';

/**
 * What a vendor accepts as a face photo, and the live-capture thresholds that keep a webcam shot
 * inside it. The format / size limits come from the vendor document (cited in `source`); the
 * capture thresholds (face share, centring, pose, brightness, sharpness) are Doorman's own
 * engineering values, set so that photos passing them are not refused by the vendor's own face
 * quality check (ZKBio −5002…−5016, Hongtu uploadImage's "face quality" judgement).
 */
export interface PhotoProfile {
  readonly vendor: Vendor | 'base';
  readonly source: string;
  readonly formats: readonly PhotoFormat[];
  /** Width × height of the stored photo, at least. */
  readonly minPixels: number;
  readonly maxBytes: number;
  /** Face box width over frame width, at least. */
  readonly minFaceWidthRatio: number;
  /** Face centre's distance from the frame centre, as a fraction of the frame size, at most. */
  readonly maxCentreOffset: number;
  readonly maxYawDeg: number;
  readonly maxRollDeg: number;
  /** Head nodded up or down (chin up positive), either way, at most. */
  readonly maxPitchDeg: number;
  /** Mean luma (0–255) of the face box. */
  readonly minLuma: number;
  readonly maxLuma: number;
  /** Variance of the Laplacian of the face box scaled to `SHARPNESS_SIDE` pixels. */
  readonly minSharpness: number;
}

/**
 * ZKBio CVSecurity API appendix −5001: "Picture resolution is below 80000 pixels". The one place
 * this number is declared: the ZKBio profile, the driver's check before sending, the import's photo
 * match and the store's minimum all read it from here.
 */
export const ZKBIO_MIN_PIXELS = 80_000;

/**
 * Doorman's store takes no face photo below this, whichever the backends (ZKBio's −5001 is the
 * strictest; electron/people/people-service.ts).
 */
export const MIN_STORED_FACE_PIXELS = ZKBIO_MIN_PIXELS;

/** Values every vendor shares unless its document asks for more. */
const BASE: PhotoProfile = {
  vendor: 'base',
  source: 'Doorman defaults (no vendor rule)',
  formats: ['jpeg', 'png', 'bmp'],
  minPixels: 0,
  maxBytes: 10 * 1024 * 1024,
  minFaceWidthRatio: 0.2,
  maxCentreOffset: 0.18,
  maxYawDeg: 20,
  maxRollDeg: 15,
  // Pitch: neither document gives a number. ZKBio refuses a turned face as −5015 "The face
  // deflection Angle is too large" (−5018 "critical"); Hongtu's storage criteria
  // (sys/storageCriteria/save) let the platform set pitch, yaw and roll "1-100" with no default.
  // ICAO 9303 / ISO 19794-5 passport photos want ±5°, but a pitch read from 2-D landmarks is only
  // good to several degrees and faces differ by about 9° in where the nose sits (see
  // poseFromLandmarks), so 20°, the yaw limit, holds a clearly nodding head back without
  // refusing a level one.
  maxPitchDeg: 20,
  minLuma: 60,
  maxLuma: 210,
  minSharpness: 30,
};

export const PHOTO_PROFILES: Readonly<Record<Vendor, PhotoProfile>> = {
  zkbio: {
    ...BASE,
    vendor: 'zkbio',
    // ZKBio CVSecurity API, error codes: −5001 "Picture resolution is below 80000 pixels", −5005
    // "The face ratio is too small", −5007/−5008/−5016 "vague", −5009 "exposed seriously"; §2.14
    // personPhoto is a base64 picture (JPEG is what its own examples and devices store).
    source: 'ZKBio CVSecurity API, error codes −5001…−5016; §2.14 personPhoto',
    formats: ['jpeg'],
    minPixels: ZKBIO_MIN_PIXELS,
    minFaceWidthRatio: 0.25,
  },
  hongtu: {
    ...BASE,
    vendor: 'hongtu',
    // Hongtu OpenAPI /v1/api/person/uploadImage: "最大10m, 支持格式: jpg|jpeg|bmp|png".
    source: 'Hongtu OpenAPI person/uploadImage: at most 10 MB, jpg/jpeg/bmp/png',
    formats: ['jpeg', 'png', 'bmp'],
  },
  k30: {
    ...BASE,
    vendor: 'k30',
    // K30 open API: the photo is "图片base64格式，需带data:image/jpeg;base64".
    source: 'K30 open API: base64 with a data:image/jpeg;base64 prefix',
    formats: ['jpeg'],
  },
  zhejiang: {
    ...BASE,
    vendor: 'zhejiang',
    source: 'Zhejiang real-name standard: attendance snapshot, no resolution rule; Doorman defaults',
    formats: ['jpeg'],
  },
};

/** The profile a photo must meet to be accepted by every one of these vendors (BASE when none). */
export function strictestProfile(vendors: readonly Vendor[]): PhotoProfile {
  const chosen = [...new Set(vendors)].map((v) => PHOTO_PROFILES[v]);
  if (chosen.length === 0) return BASE;
  const formats = BASE.formats.filter((f) => chosen.every((p) => p.formats.includes(f)));
  return {
    vendor: chosen.length === 1 && chosen[0] ? chosen[0].vendor : 'base',
    source: chosen.map((p) => p.source).join('; '),
    formats,
    minPixels: Math.max(...chosen.map((p) => p.minPixels)),
    maxBytes: Math.min(...chosen.map((p) => p.maxBytes)),
    minFaceWidthRatio: Math.max(...chosen.map((p) => p.minFaceWidthRatio)),
    maxCentreOffset: Math.min(...chosen.map((p) => p.maxCentreOffset)),
    maxYawDeg: Math.min(...chosen.map((p) => p.maxYawDeg)),
    maxRollDeg: Math.min(...chosen.map((p) => p.maxRollDeg)),
    maxPitchDeg: Math.min(...chosen.map((p) => p.maxPitchDeg)),
    minLuma: Math.max(...chosen.map((p) => p.minLuma)),
    maxLuma: Math.min(...chosen.map((p) => p.maxLuma)),
    minSharpness: Math.max(...chosen.map((p) => p.minSharpness)),
  };
}
