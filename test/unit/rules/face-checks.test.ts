import { describe, expect, it } from 'vitest';
import { cropSquare, evaluateChecks, laplacianVariance, meanLuma, measureBox, poseFromLandmarks, resampleBox, SteadyTrigger, type FrameMeasure } from '../../../shared/rules/face-checks.ts';
import { PHOTO_PROFILES, strictestProfile } from '../../../shared/rules/photo-profiles.ts';

/** An RGBA image whose gray level at (x, y) is `f(x, y)`. */
function image(width: number, height: number, f: (x: number, y: number) => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = f(x, y);
      data[i + 3] = 255;
    }
  }
  return data;
}

describe('brightness', () => {
  it('is the mean Rec. 601 luma', () => {
    expect(meanLuma(image(4, 4, () => 100), 4, 4)).toBeCloseTo(100, 5);
    const red = new Uint8ClampedArray([255, 0, 0, 255]);
    expect(meanLuma(red, 1, 1)).toBeCloseTo(0.299 * 255, 5);
    expect(meanLuma(image(2, 1, (x) => (x === 0 ? 0 : 200)), 2, 1)).toBeCloseTo(100, 5);
  });
});

describe('sharpness (variance of the Laplacian)', () => {
  it('is zero on a flat picture and on a linear ramp', () => {
    expect(laplacianVariance(image(16, 16, () => 128), 16, 16)).toBe(0);
    expect(laplacianVariance(image(16, 16, (x) => x * 10), 16, 16)).toBeCloseTo(0, 5);
  });

  it('is the known value on a checkerboard, and drops when blurred', () => {
    // Interior pixels of a 0/255 checkerboard have Laplacian ±4·255: variance (4·255)².
    const board = image(8, 8, (x, y) => ((x + y) % 2 === 0 ? 0 : 255));
    expect(laplacianVariance(board, 8, 8)).toBeCloseTo((4 * 255) ** 2, 0);
    const soft = image(8, 8, (x, y) => ((x + y) % 2 === 0 ? 120 : 136));
    expect(laplacianVariance(soft, 8, 8)).toBeLessThan(laplacianVariance(board, 8, 8) / 100);
  });

  it('is zero for images too small to have an interior', () => {
    expect(laplacianVariance(image(2, 2, () => 9), 2, 2)).toBe(0);
  });
});

describe('pose from landmarks', () => {
  const eye = (cx: number, cy: number) => [{ x: cx - 5, y: cy }, { x: cx + 5, y: cy }];

  it('is frontal when the eyes are level and the nose sits between them', () => {
    const pose = poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 130, y: 140 });
    expect(pose.rollDeg).toBeCloseTo(0, 5);
    expect(pose.yawDeg).toBeCloseTo(0, 5);
  });

  it('reads roll from the eye line', () => {
    const pose = poseFromLandmarks(eye(100, 100), eye(160, 160), { x: 130, y: 140 });
    expect(pose.rollDeg).toBeCloseTo(45, 5);
  });

  it('reads yaw from the nose offset along the eye line', () => {
    // Eye distance 60, nose 18 px right of the midpoint: sin(yaw) = 18 / (0.6 · 60) = 0.5.
    const pose = poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 148, y: 140 });
    expect(pose.yawDeg).toBeCloseTo(30, 5);
    expect(poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 112, y: 140 }).yawDeg).toBeCloseTo(-30, 5);
    expect(poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 400, y: 140 }).yawDeg).toBeCloseTo(90, 5);
  });
});

describe('checks against a profile', () => {
  const profile = PHOTO_PROFILES.zkbio;
  const good: FrameMeasure = { faces: 1, frameWidth: 640, frameHeight: 480, box: { x: 240, y: 160, width: 180, height: 180 }, rollDeg: 2, yawDeg: -5, luma: 120, sharpness: 200 };
  const failed = (m: FrameMeasure) => evaluateChecks(m, profile).filter((c) => !c.ok).map((c) => c.id);

  it('pass a good frame', () => {
    expect(failed(good)).toEqual([]);
  });

  it('say "no face" when there is none, and fail everything', () => {
    const results = evaluateChecks({ faces: 0, frameWidth: 640, frameHeight: 480 }, profile);
    expect(results.every((c) => !c.ok)).toBe(true);
    expect(results[0]).toEqual({ id: 'one_face', ok: false, guide: 'face.guide.no_face' });
    expect(evaluateChecks({ faces: 2, frameWidth: 640, frameHeight: 480 }, profile)[0]?.guide).toBe('face.guide.many_faces');
  });

  it('fail each measure outside its limit', () => {
    expect(failed({ ...good, box: { x: 300, y: 200, width: 100, height: 100 } })).toEqual(['face_size']);
    expect(failed({ ...good, box: { x: 440, y: 160, width: 180, height: 180 } })).toEqual(['centred']);
    expect(failed({ ...good, yawDeg: 35 })).toEqual(['pose']);
    expect(failed({ ...good, rollDeg: -20 })).toEqual(['pose']);
    expect(failed({ ...good, luma: 30 })).toEqual(['brightness']);
    expect(failed({ ...good, luma: 240 })).toEqual(['brightness']);
    expect(failed({ ...good, sharpness: 5 })).toEqual(['sharpness']);
  });
});

describe('photo profiles', () => {
  it('take the strictest of the chosen vendors', () => {
    const both = strictestProfile(['zkbio', 'hongtu']);
    expect(both.minPixels).toBe(80_000);
    expect(both.formats).toEqual(['jpeg']);
    expect(strictestProfile(['hongtu']).formats).toEqual(['jpeg', 'png', 'bmp']);
    expect(both.minFaceWidthRatio).toBe(PHOTO_PROFILES.zkbio.minFaceWidthRatio);
  });
});

describe('auto-capture timing', () => {
  it('fires once after the checks have held for the whole period', () => {
    const trigger = new SteadyTrigger(700);
    expect(trigger.update(true, 0)).toBe(false);
    expect(trigger.update(true, 699)).toBe(false);
    expect(trigger.progress(350)).toBeCloseTo(0.5, 5);
    expect(trigger.update(true, 700)).toBe(true);
    expect(trigger.update(true, 900)).toBe(false);
  });

  it('starts the wait again after a failing frame, and re-arms on reset', () => {
    const trigger = new SteadyTrigger(700);
    trigger.update(true, 0);
    expect(trigger.update(false, 500)).toBe(false);
    expect(trigger.update(true, 600)).toBe(false);
    expect(trigger.update(true, 1200)).toBe(false);
    expect(trigger.update(true, 1300)).toBe(true);
    trigger.reset();
    expect(trigger.update(true, 2000)).toBe(false);
    expect(trigger.update(true, 2700)).toBe(true);
  });
});

describe('crop around the face', () => {
  it('takes 2.2 × the face, at least 480 px, inside the frame', () => {
    expect(cropSquare({ x: 270, y: 190, width: 100, height: 100 }, 640, 480)).toEqual({ x: 80, y: 0, width: 480, height: 480 });
    const big = cropSquare({ x: 500, y: 300, width: 300, height: 300 }, 1280, 960);
    expect(big).toEqual({ x: 320, y: 120, width: 660, height: 660 });
    expect(big.width * big.height).toBeGreaterThanOrEqual(80_000);
  });

  it('is moved, not shrunk, at the frame edge', () => {
    expect(cropSquare({ x: 0, y: 0, width: 100, height: 100 }, 640, 480)).toEqual({ x: 0, y: 0, width: 480, height: 480 });
    expect(cropSquare({ x: 600, y: 400, width: 40, height: 80 }, 640, 480)).toEqual({ x: 160, y: 0, width: 480, height: 480 });
  });
});

describe('resampleBox', () => {
  it('keeps a flat picture flat and picks the box out of the frame', () => {
    const flat = resampleBox(image(40, 30, () => 90), 40, 30, { x: 5, y: 5, width: 20, height: 10 }, 8);
    expect([...flat].filter((_, i) => i % 4 === 0).every((v) => v === 90)).toBe(true);
    const halves = image(40, 40, (x) => (x < 20 ? 0 : 200));
    expect(measureBox(halves, 40, 40, { x: 20, y: 0, width: 20, height: 40 }).luma).toBeGreaterThan(190);
    expect(measureBox(halves, 40, 40, { x: 0, y: 0, width: 40, height: 40 }).sharpness).toBeGreaterThan(0);
  });
});
