import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import type { InputIssue } from '../../../../shared/contract/errors.ts';
import type { Person } from '../../../../shared/contract/people.ts';
import { MAX_PHOTO_BYTES } from '../../../../shared/rules/photo-limits.ts';
import { strictestProfile } from '../../../../shared/rules/photo-profiles.ts';
import { api } from '../../api/client.ts';
import { BackendFaceCheck } from '../../components/backend-face-check.tsx';
import { FaceCapture, type CapturedFace } from '../../face/face-capture.tsx';
import { errorBody } from '../../stores/api-error.ts';
import { useErrorText } from '../../use-error-text.ts';

/** The face a save sends: the photo (base64 JPEG or PNG) and the checks it failed but was kept with. */
export interface NewFace {
  readonly jpegBase64: string;
  readonly failedChecks: readonly string[];
}

/** A photo file chosen, checked by the core, not yet accepted. */
type FileVerdict =
  | { readonly kind: 'checking' }
  | { readonly kind: 'refused'; readonly text: string }
  | { readonly kind: 'failed'; readonly face: NewFace; readonly checks: readonly string[] };

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function dataUrl(base64: string): string {
  return `data:${base64.startsWith('iVBOR') ? 'image/png' : 'image/jpeg'};base64,${base64}`;
}

/**
 * People → Edit's face (issue 12 item 2): what is on file ("no face" and why), and a new face taken
 * with the webcam (the Enroll page's capture, with the person's backends' profile) or chosen from a
 * file (the core's still-photo face check, as `enroll --photo`); the edit's Save sends it.
 */
export function PersonFace({ person, backends, value, onChange }: { readonly person: Person; readonly backends: readonly Backend[]; readonly value: NewFace | null; readonly onChange: (face: NewFace | null) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [camera, setCamera] = useState(false);
  const [verdict, setVerdict] = useState<FileVerdict | null>(null);
  const targets = useMemo(() => backends.filter((b) => person.targets.some((target) => target.backendId === b.id)), [backends, person.targets]);
  const vendorKey = targets.map((b) => b.vendor).join(',');
  const profile = useMemo(() => strictestProfile(vendorKey === '' ? [] : (vendorKey.split(',') as Backend['vendor'][])), [vendorKey]);
  const onCapture = useCallback((captured: CapturedFace | null) => onChange(captured ? { jpegBase64: captured.jpegBase64, failedChecks: captured.failedChecks } : null), [onChange]);

  async function chooseFile(file: File): Promise<void> {
    setCamera(false);
    onChange(null);
    if (file.size > MAX_PHOTO_BYTES) {
      setVerdict({ kind: 'refused', text: t('personFace.fileRefused', { reason: t('validation.photo_file_too_large') }) });
      return;
    }
    setVerdict({ kind: 'checking' });
    try {
      const check = await api.call('people.checkPhoto', { backendIds: targets.map((b) => b.id), photoBase64: await fileBase64(file) });
      const face = { jpegBase64: check.photoBase64, failedChecks: check.failedChecks };
      if (check.faces !== 1) {
        setVerdict({ kind: 'refused', text: t('personFace.fileRefused', { reason: check.faces === 0 ? t('personFace.noFaceFound') : t('personFace.manyFaces', { faces: check.faces }) }) });
      } else if (check.ok) {
        setVerdict(null);
        onChange(face);
      } else {
        setVerdict({ kind: 'failed', face, checks: check.failedChecks });
      }
    } catch (error) {
      const body = errorBody(error);
      const issue = (body.details?.['issues'] as InputIssue[] | undefined)?.[0]?.message;
      const reason = body.code === 'invalid_input' && issue ? t(`validation.${issue}`, { defaultValue: body.message }) : errorText(body);
      setVerdict({ kind: 'refused', text: t('personFace.fileRefused', { reason }) });
    }
  }

  const onFile = person.faceSha256 !== null;
  return (
    <fieldset className="person-face" data-testid="person-face" data-has-face={onFile ? 'true' : 'false'}>
      <legend className="field-label">{t('personFace.title')}</legend>
      <p className="hint" data-testid="person-face-status">
        {onFile ? t('personFace.has') : person.noFaceReason ? t('personFace.noneReason', { reason: person.noFaceReason }) : t('personFace.none')}
      </p>
      <div className="people-actions">
        <button type="button" className="button" data-testid="person-face-camera" onClick={() => setCamera((open) => !open)}>
          {camera ? t('personFace.closeCamera') : t('personFace.capture')}
        </button>
        <label className="button">
          {t('personFace.chooseFile')}
          <input
            type="file"
            accept="image/jpeg,image/png"
            hidden
            data-testid="person-face-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void chooseFile(file);
            }}
          />
        </label>
      </div>
      {camera ? <FaceCapture profile={profile} onCapture={onCapture} /> : null}
      {verdict?.kind === 'checking' ? <p className="hint">{t('personFace.checking')}</p> : null}
      {verdict?.kind === 'refused' ? (
        <p className="field-error" role="alert" data-testid="person-face-refused">
          {verdict.text}
        </p>
      ) : null}
      {verdict?.kind === 'failed' ? (
        <div className="field-error" role="alert" data-testid="person-face-failed">
          <p>{t('personFace.fileFailed', { checks: verdict.checks.map((c) => t(`face.check.${c}`)).join(', ') })}</p>
          <button
            type="button"
            className="button"
            data-testid="person-face-keep"
            onClick={() => {
              onChange(verdict.face);
              setVerdict(null);
            }}
          >
            {t('personFace.keepAnyway')}
          </button>
        </div>
      ) : null}
      {value ? (
        <div data-testid="person-face-new">
          {!camera ? <img className="face-preview" data-testid="person-face-preview" src={dataUrl(value.jpegBase64)} alt={t('face.capturedAlt')} /> : null}
          <p className="hint">{t('personFace.newFace')}</p>
          <button type="button" className="button" data-testid="person-face-discard" onClick={() => onChange(null)}>
            {t('personFace.discard')}
          </button>
        </div>
      ) : null}
      {value ? <BackendFaceCheck jpegBase64={value.jpegBase64} backends={targets} /> : null}
    </fieldset>
  );
}
