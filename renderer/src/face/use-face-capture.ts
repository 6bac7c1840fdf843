import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoProfile } from '../../../shared/rules/photo-profiles.ts';
import { cropSquare, evaluateChecks, poseFromLandmarks, SHARPNESS_SIDE, SteadyTrigger, type Box, type CheckResult, type FrameMeasure } from '../../../shared/rules/face-checks.ts';
import { loadFaceDetector, type FaceDetector } from './detector.ts';
import { FRAME_HEIGHT, FRAME_WIDTH, measureBox, toBase64, type CapturedFace, type Status } from './face-frame.ts';

/**
 * The face capture's workings: the camera, the analysis loop with its checks and auto-capture, and
 * the capture, retake and resume actions (see FaceCapture for the rules of `round`).
 */
export function useFaceCapture({ profile, onCapture, round }: { profile: PhotoProfile; onCapture: (face: CapturedFace | null) => void; round: number }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const frameRef = useRef<HTMLCanvasElement | null>(null);
  const smallRef = useRef<HTMLCanvasElement | null>(null);
  const lastRef = useRef<{ checks: CheckResult[]; box: Box | null }>({ checks: [], box: null });
  const triggerRef = useRef(new SteadyTrigger(700, 500));
  const capturedBoxRef = useRef<Box | null>(null);
  const roundRef = useRef(round);
  const profileRef = useRef(profile);
  const onCaptureRef = useRef(onCapture);
  const statusRef = useRef<Status>('starting');
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [status, setStatusState] = useState<Status>('starting');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [checks, setChecks] = useState<CheckResult[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [stats, setStats] = useState<{ fps: number; backend: string }>({ fps: 0, backend: '' });
  const [frames, setFrames] = useState(0);

  const setStatus = useCallback((s: Status) => {
    statusRef.current = s;
    setStatusState(s);
  }, []);

  useEffect(() => {
    profileRef.current = profile;
    onCaptureRef.current = onCapture;
  }, [profile, onCapture]);

  // The next person: clear the photo, and hold auto-capture until the last face has gone.
  useEffect(() => {
    if (round === roundRef.current) return;
    roundRef.current = round;
    triggerRef.current.waitForNewFace(capturedBoxRef.current ?? lastRef.current.box);
    capturedBoxRef.current = null;
    setPreview(null);
    setRefused(false);
    if (statusRef.current === 'running' || statusRef.current === 'captured') setStatus('waiting');
  }, [round, setStatus]);

  const capture = useCallback(
    async (failedChecks: string[]) => {
      const frame = frameRef.current;
      const box = lastRef.current.box;
      if (!frame || !box) {
        setRefused(true);
        return;
      }
      setStatus('captured');
      capturedBoxRef.current = box;
      const crop = cropSquare(box, frame.width, frame.height);
      const out = document.createElement('canvas');
      out.width = crop.width;
      out.height = crop.height;
      out.getContext('2d')?.drawImage(frame, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
      const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/jpeg', 0.9));
      if (!blob) {
        setStatus(triggerRef.current.waiting ? 'waiting' : 'running');
        return;
      }
      const jpegBase64 = await toBase64(blob);
      setPreview(`data:image/jpeg;base64,${jpegBase64}`);
      onCaptureRef.current({ jpegBase64, failedChecks, width: crop.width, height: crop.height });
    },
    [setStatus],
  );

  // The camera: (re)open on a device change, list the devices once we may see their labels.
  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    const video = videoRef.current;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: FRAME_WIDTH }, height: { ideal: FRAME_HEIGHT }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
          audio: false,
        });
        if (stopped) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        if (video) {
          video.srcObject = stream;
          await video.play().catch(() => undefined);
        }
        const all = await navigator.mediaDevices.enumerateDevices();
        setDevices(all.filter((d) => d.kind === 'videoinput'));
        setErrorKey(null);
      } catch (error) {
        const name = error instanceof DOMException ? error.name : '';
        setErrorKey(name === 'NotAllowedError' ? 'face.error.denied' : name === 'NotFoundError' ? 'face.error.no_camera' : 'face.error.camera');
        setStatus('error');
      }
    })();
    return () => {
      stopped = true;
      if (stream) for (const track of stream.getTracks()) track.stop();
      if (video) video.srcObject = null;
    };
  }, [deviceId, setStatus]);

  // The analysis loop: one frame at a time, as fast as the detector allows.
  useEffect(() => {
    let stopped = false;
    let detector: FaceDetector | null = null;
    const frame = document.createElement('canvas');
    frame.width = FRAME_WIDTH;
    frame.height = FRAME_HEIGHT;
    const small = document.createElement('canvas');
    small.width = SHARPNESS_SIDE;
    small.height = SHARPNESS_SIDE;
    frameRef.current = frame;
    smallRef.current = small;
    const ctx = frame.getContext('2d', { willReadFrequently: true });
    const times: number[] = [];

    async function step(): Promise<void> {
      const video = videoRef.current;
      const captured = () => statusRef.current === 'captured';
      if (!detector || !ctx || !video || captured() || video.readyState < 2) return;
      ctx.drawImage(video, 0, 0, FRAME_WIDTH, FRAME_HEIGHT);
      const faces = await detector.detect(frame);
      if (stopped || captured()) return;
      const face = faces.length === 1 ? faces[0] : undefined;
      let measure: FrameMeasure = { faces: faces.length, frameWidth: FRAME_WIDTH, frameHeight: FRAME_HEIGHT };
      let box: Box | null = null;
      if (face) {
        box = {
          x: Math.max(0, face.box.x),
          y: Math.max(0, face.box.y),
          width: Math.min(FRAME_WIDTH - Math.max(0, face.box.x), face.box.width),
          height: Math.min(FRAME_HEIGHT - Math.max(0, face.box.y), face.box.height),
        };
        measure = { ...measure, box, ...poseFromLandmarks(face.leftEye, face.rightEye, face.noseTip, face.mouth), ...measureBox(frame, small, box) };
      }
      const results = evaluateChecks(measure, profileRef.current);
      lastRef.current = { checks: results, box };
      setChecks(results);
      if (box) setRefused(false);
      const now = performance.now();
      times.push(now);
      while (times.length > 0 && now - (times[0] ?? now) > 2000) times.shift();
      if (times.length > 1) setStats((s) => ({ ...s, fps: Math.round(((times.length - 1) / (now - (times[0] ?? now))) * 10000) / 10 }));
      setFrames((n) => n + 1);
      const trigger = triggerRef.current;
      const fire = trigger.update(results.every((r) => r.ok), now, box);
      // The wait for a new face ends by itself when the last one leaves.
      if (!fire && statusRef.current === 'waiting' && !trigger.waiting) setStatus('running');
      if (fire) await capture([]);
    }

    async function loop(): Promise<void> {
      while (!stopped) {
        try {
          await step();
        } catch {
          // A frame the detector could not read (camera switching): skip it.
        }
        const analysing = statusRef.current === 'running' || statusRef.current === 'waiting';
        await new Promise((resolve) => setTimeout(resolve, analysing ? 0 : 100));
      }
    }

    void loadFaceDetector()
      .then((d) => {
        if (stopped) return;
        detector = d;
        setStats((s) => ({ ...s, backend: d.backend }));
        if (statusRef.current === 'starting') setStatus(triggerRef.current.waiting ? 'waiting' : 'running');
        void loop();
      })
      .catch(() => {
        setErrorKey('face.error.detector');
        setStatus('error');
      });
    return () => {
      stopped = true;
    };
  }, [capture, setStatus]);

  function manualCapture() {
    const failed = lastRef.current.checks.filter((c) => !c.ok).map((c) => c.id);
    // With no single face there is nothing to crop around: refuse, the guidance says why.
    if (lastRef.current.box === null) {
      setRefused(true);
      return;
    }
    setRefused(false);
    void capture(failed);
  }

  function resumeAuto() {
    triggerRef.current.reset();
    setStatus('running');
  }

  function retake() {
    triggerRef.current.reset();
    setPreview(null);
    setRefused(false);
    onCaptureRef.current(null);
    setStatus('running');
  }

  return { videoRef, devices, deviceId, setDeviceId, status, errorKey, checks, preview, refused, stats, frames, manualCapture, resumeAuto, retake };
}
