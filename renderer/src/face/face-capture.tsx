import type { PhotoProfile } from '../../../shared/rules/photo-profiles.ts';
import { FaceActions } from './face-actions.tsx';
import { FaceCameraPicker } from './face-camera-picker.tsx';
import { FaceDiagnostics } from './face-diagnostics.tsx';
import { guideKeyOf, type CapturedFace } from './face-frame.ts';
import { FaceGuidance } from './face-guidance.tsx';
import { FaceStage } from './face-stage.tsx';
import { useFaceCapture } from './use-face-capture.ts';
import './face-capture.css';

export type { CapturedFace } from './face-frame.ts';

/**
 * Webcam face capture: camera choice, live preview, quality checks against the profile with
 * guidance, auto-capture once every check has held ~700 ms, manual capture (recording what failed).
 * `round` counts the people saved: when it changes the form has moved on to the next person, so the
 * photo is cleared and auto-capture waits until the face last taken has left the picture (or the
 * user captures by hand, or resumes auto-capture) — the person just saved, still sitting there, is
 * not taken again onto the next form.
 */
export function FaceCapture({ profile, onCapture, round = 0 }: { profile: PhotoProfile; onCapture: (face: CapturedFace | null) => void; round?: number }) {
  const face = useFaceCapture({ profile, onCapture, round });
  const { status, checks, stats } = face;
  const firstFailed = checks.find((c) => !c.ok);
  const guideKey = guideKeyOf(status, face.errorKey, firstFailed, checks);

  return (
    <div className="face-capture" data-testid="face-panel" data-fps={stats.fps} data-detector-backend={stats.backend} data-status={status} data-frames={face.frames}>
      <FaceCameraPicker devices={face.devices} deviceId={face.deviceId} onChange={face.setDeviceId} />
      <FaceStage videoRef={face.videoRef} captured={status === 'captured'} preview={face.preview} />
      <FaceGuidance guideKey={guideKey} refusedKey={face.refused ? (firstFailed?.guide ?? guideKey) : null} checks={checks} />
      <FaceActions status={status} onCapture={face.manualCapture} onRetake={face.retake} onResume={face.resumeAuto} />
      <FaceDiagnostics fps={stats.fps} backend={stats.backend} />
    </div>
  );
}
