import { describe, expect, it } from 'vitest';
import { cropSquare, evaluateChecks, laplacianVariance, meanLuma, measureBox, measureInCrop, overlap, poseFromLandmarks, resampleBox, SteadyTrigger, stillPhotoCrop, type FrameMeasure, type Point } from '../../../shared/rules/face-checks.ts';
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
  // A mouth 60 px (one eye distance) below the eyes: the frontal proportions of the model.
  const mouth = [{ x: 115, y: 160 }, { x: 145, y: 160 }];

  it('is frontal when the eyes are level and the nose sits between them', () => {
    const pose = poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 130, y: 136 }, mouth);
    expect(pose.rollDeg).toBeCloseTo(0, 5);
    expect(pose.yawDeg).toBeCloseTo(0, 5);
    expect(pose.pitchDeg).toBeCloseTo(0, 5);
  });

  it('reads roll from the eye line', () => {
    const pose = poseFromLandmarks(eye(100, 100), eye(160, 160), { x: 130, y: 140 }, [{ x: 90, y: 190 }]);
    expect(pose.rollDeg).toBeCloseTo(45, 5);
  });

  it('reads yaw from the nose offset along the eye line', () => {
    // Eye distance 60, nose 18 px right of the midpoint: sin(yaw) = 18 / (0.6 · 60) = 0.5.
    const pose = poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 148, y: 140 }, mouth);
    expect(pose.yawDeg).toBeCloseTo(30, 5);
    expect(poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 112, y: 140 }, mouth).yawDeg).toBeCloseTo(-30, 5);
    expect(poseFromLandmarks(eye(100, 100), eye(160, 100), { x: 400, y: 140 }, mouth).yawDeg).toBeCloseTo(90, 5);
  });
});

describe('pitch from landmarks', () => {
  /**
   * A head built in 3-D, in eye distances d: eyes at depth 0, the nose tip 0.6 d below the eye line
   * and 0.6 d in front, the mouth 1.0 d below and 0.2 d in front (an upper and a lower lip point).
   * Nodding by θ (chin up positive) about the eye line moves each point up by depth · sin θ and
   * shrinks its drop by cos θ; then the whole face may be rolled in the image by `rollDeg`.
   */
  function head(pitchDeg: number, rollDeg = 0, d = 80): { leftEye: Point[]; rightEye: Point[]; nose: Point; mouth: Point[] } {
    const th = (pitchDeg * Math.PI) / 180;
    const ro = (rollDeg * Math.PI) / 180;
    const place = (x: number, drop: number, depth: number): Point => {
      const y = drop * Math.cos(th) - depth * Math.sin(th);
      return { x: 320 + d * (x * Math.cos(ro) - y * Math.sin(ro)), y: 200 + d * (x * Math.sin(ro) + y * Math.cos(ro)) };
    };
    const eye = (cx: number) => [place(cx - 0.15, 0, 0), place(cx, -0.05, 0), place(cx + 0.15, 0, 0), place(cx, 0.05, 0)];
    return {
      leftEye: eye(-0.5),
      rightEye: eye(0.5),
      nose: place(0, 0.6, 0.6),
      mouth: [place(-0.3, 1.0, 0.15), place(0, 0.9, 0.25), place(0.3, 1.0, 0.15), place(0, 1.1, 0.25)],
    };
  }
  const pitchOf = (h: ReturnType<typeof head>) => poseFromLandmarks(h.leftEye, h.rightEye, h.nose, h.mouth).pitchDeg;

  it('reads a frontal face as level', () => {
    expect(pitchOf(head(0))).toBeCloseTo(0, 5);
  });

  it('reads looking up as positive and looking down as negative, by the angle', () => {
    expect(pitchOf(head(15))).toBeCloseTo(15, 5);
    expect(pitchOf(head(30))).toBeCloseTo(30, 5);
    expect(pitchOf(head(-15))).toBeCloseTo(-15, 5);
    expect(pitchOf(head(-30))).toBeCloseTo(-30, 5);
  });

  it('is not disturbed by roll, by the face size or by yaw', () => {
    expect(pitchOf(head(20, 25))).toBeCloseTo(20, 5);
    expect(pitchOf(head(-20, -40, 200))).toBeCloseTo(-20, 5);
    const h = head(10);
    // The nose slid sideways along the eye line (yaw) keeps its height.
    expect(poseFromLandmarks(h.leftEye, h.rightEye, { x: h.nose.x + 20, y: h.nose.y }, h.mouth).pitchDeg).toBeCloseTo(10, 5);
  });

  it('reports a mouth at or above the eye line as far off', () => {
    const h = head(0);
    expect(poseFromLandmarks(h.leftEye, h.rightEye, h.nose, [{ x: 320, y: 150 }]).pitchDeg).toBe(90);
  });

  it('gives the pose check which way to move the chin', () => {
    const profile = PHOTO_PROFILES.zkbio;
    const base: FrameMeasure = { faces: 1, frameWidth: 640, frameHeight: 480, box: { x: 240, y: 160, width: 180, height: 180 }, rollDeg: 0, yawDeg: 0, luma: 120, sharpness: 200 };
    const pose = (pitchDeg: number) => evaluateChecks({ ...base, pitchDeg: pitchOf(head(pitchDeg)) }, profile).find((c) => c.id === 'pose');
    expect(pose(0)).toEqual({ id: 'pose', ok: true, guide: 'face.guide.ok' });
    expect(pose(profile.maxPitchDeg - 2)?.ok).toBe(true);
    expect(pose(30)).toEqual({ id: 'pose', ok: false, guide: 'face.guide.lower_chin' });
    expect(pose(-30)).toEqual({ id: 'pose', ok: false, guide: 'face.guide.lift_chin' });
    // Turned as well as nodding: "look straight" says it all.
    expect(evaluateChecks({ ...base, yawDeg: 40, pitchDeg: 30 }, profile).find((c) => c.id === 'pose')?.guide).toBe('face.guide.look_straight');
  });
});

describe('checks against a profile', () => {
  const profile = PHOTO_PROFILES.zkbio;
  const good: FrameMeasure = { faces: 1, frameWidth: 640, frameHeight: 480, box: { x: 240, y: 160, width: 180, height: 180 }, rollDeg: 2, yawDeg: -5, pitchDeg: 4, luma: 120, sharpness: 200 };
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
    expect(failed({ ...good, pitchDeg: 25 })).toEqual(['pose']);
    expect(failed({ ...good, pitchDeg: -25 })).toEqual(['pose']);
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
    expect(both.maxPitchDeg).toBe(Math.min(PHOTO_PROFILES.zkbio.maxPitchDeg, PHOTO_PROFILES.hongtu.maxPitchDeg));
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

describe('auto-capture after a save (the next person)', () => {
  const face = { x: 200, y: 120, width: 200, height: 200 };
  const nudged = { x: 215, y: 130, width: 190, height: 195 };
  const elsewhere = { x: 20, y: 40, width: 150, height: 150 };

  /** Feeds `frames` good frames of `box` 50 ms apart from `from`; true if any fired. */
  function feed(trigger: SteadyTrigger, box: typeof face | null, from: number, frames: number): boolean {
    let fired = false;
    for (let i = 0; i < frames; i++) fired = trigger.update(box !== null, from + i * 50, box) || fired;
    return fired;
  }

  it('never fires while the face just taken stays, however long, even when it moves a little', () => {
    const trigger = new SteadyTrigger(700, 500);
    expect(feed(trigger, face, 0, 20)).toBe(true);
    trigger.waitForNewFace(face);
    expect(trigger.waiting).toBe(true);
    expect(feed(trigger, face, 1000, 100)).toBe(false);
    expect(feed(trigger, nudged, 6000, 100)).toBe(false);
    expect(trigger.waiting).toBe(true);
    expect(trigger.progress(11_000)).toBe(0);
  });

  it('arms again once the face has been gone for the leave time, then holds as usual', () => {
    const trigger = new SteadyTrigger(700, 500);
    trigger.waitForNewFace(face);
    // Gone too briefly (a blink of the detector): still waiting.
    expect(feed(trigger, null, 0, 5)).toBe(false);
    expect(feed(trigger, face, 250, 10)).toBe(false);
    expect(trigger.waiting).toBe(true);
    // Gone for 500 ms: armed; the next face must hold for 700 ms.
    expect(feed(trigger, null, 1000, 11)).toBe(false);
    expect(trigger.waiting).toBe(false);
    expect(trigger.update(true, 1600, face)).toBe(false);
    expect(trigger.update(true, 2250, face)).toBe(false);
    expect(trigger.update(true, 2300, face)).toBe(true);
  });

  it('takes a single face clearly elsewhere as someone else', () => {
    expect(overlap(face, face)).toBe(1);
    expect(overlap(face, nudged)).toBeGreaterThan(0.7);
    expect(overlap(face, elsewhere)).toBe(0);
    const trigger = new SteadyTrigger(700, 500);
    trigger.waitForNewFace(face);
    expect(feed(trigger, elsewhere, 0, 11)).toBe(false);
    expect(trigger.waiting).toBe(false);
    expect(feed(trigger, elsewhere, 600, 20)).toBe(true);
  });

  it('with no face known at the save, waits for an empty picture; reset arms at once', () => {
    const trigger = new SteadyTrigger(700, 500);
    trigger.waitForNewFace(null);
    expect(feed(trigger, face, 0, 40)).toBe(false);
    trigger.reset();
    expect(trigger.waiting).toBe(false);
    expect(feed(trigger, face, 3000, 20)).toBe(true);
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

describe('the crop of a still photo', () => {
  const zkbio = PHOTO_PROFILES.zkbio.minPixels;

  it('is 2.2 × the face, at least 283 px (80,000 pixels), moved inside the picture', () => {
    // A 139 px face high in a 512 × 512 portrait: a 306 px square from the top edge.
    expect(stillPhotoCrop({ x: 150, y: 73, width: 139, height: 119 }, 512, 512, zkbio)).toEqual({ x: 67, y: 0, width: 306, height: 306 });
    // A small face: the square grows to the 80,000-pixel floor, for every vendor.
    expect(stillPhotoCrop({ x: 300, y: 300, width: 60, height: 60 }, 1000, 800, 0)).toEqual({ x: 189, y: 189, width: 283, height: 283 });
    expect(stillPhotoCrop({ x: 300, y: 300, width: 60, height: 60 }, 1000, 800, 250_000)?.width).toBe(500);
  });

  it('is none when the picture is too small to cut 80,000 pixels from', () => {
    expect(stillPhotoCrop({ x: 50, y: 50, width: 100, height: 100 }, 400, 250, 0)).toBeNull();
  });

  it('moves the measures into the crop: centring and size judged there', () => {
    const m: FrameMeasure = { faces: 1, frameWidth: 512, frameHeight: 512, box: { x: 150, y: 73, width: 139, height: 119 }, rollDeg: 0, yawDeg: 0, pitchDeg: 0, luma: 120, sharpness: 200 };
    const profile = PHOTO_PROFILES.zkbio;
    expect(evaluateChecks(m, profile).filter((c) => !c.ok).map((c) => c.id)).toEqual(['centred']);
    const crop = stillPhotoCrop(m.box!, 512, 512, profile.minPixels)!;
    const inCrop = measureInCrop(m, crop);
    expect(inCrop).toMatchObject({ frameWidth: 306, frameHeight: 306, box: { x: 83, y: 73, width: 139, height: 119 } });
    expect(evaluateChecks(inCrop, profile).every((c) => c.ok)).toBe(true);
    // A 60 px face in a 283 px square is 21 % of it: too small for ZKBio's 25 %.
    const small: FrameMeasure = { ...m, frameWidth: 1000, frameHeight: 800, box: { x: 300, y: 300, width: 60, height: 60 } };
    const smallCrop = stillPhotoCrop(small.box!, 1000, 800, profile.minPixels)!;
    expect(evaluateChecks(measureInCrop(small, smallCrop), profile).filter((c) => !c.ok).map((c) => c.id)).toEqual(['face_size']);
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
