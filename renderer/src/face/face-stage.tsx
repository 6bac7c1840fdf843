import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAME_HEIGHT, FRAME_WIDTH } from './face-frame.ts';

/** The live preview, hidden once a photo is taken, and the photo taken. */
export function FaceStage({ videoRef, captured, preview }: { videoRef: RefObject<HTMLVideoElement | null>; captured: boolean; preview: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="face-stage">
      <video ref={videoRef} className="face-video" data-testid="face-video" muted playsInline width={FRAME_WIDTH} height={FRAME_HEIGHT} hidden={captured} />
      {preview ? <img className="face-preview" data-testid="face-captured" src={preview} alt={t('face.capturedAlt')} /> : null}
    </div>
  );
}
