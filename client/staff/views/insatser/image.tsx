import { useState } from 'preact/hooks';
import type { StaffInsats } from './draft.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorText } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import { me } from '../../session.ts';

/** A copy of MAX_IMAGE_BYTES and IMAGE_TYPES (common/wire/insatser-admin.ts; valibot stays out). */
export const MAX_IMAGE_BYTES = 1_000_000;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

type Image = StaffInsats['image'];

/** PUTs the file as it is, with its own type (the server strips metadata). */
async function upload(insatsId: string, file: File): Promise<Image> {
  const headers: Record<string, string> = { 'Content-Type': file.type, Accept: 'application/json' };
  const csrf = me.value?.csrfToken;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/staff/insatser/${encodeURIComponent(insatsId)}/image`, {
      method: 'PUT',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, '');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new ApiError(response.status, body.detail ?? '');
  }
  return ((await response.json()) as { image: Image }).image;
}

/** The image of a saved insats: choose a file (stored at once), see it, remove it. */
export function ImageField({
  insatsId,
  image,
  onChanged,
}: {
  insatsId: string | undefined;
  image: Image;
  onChanged: (image: Image) => void;
}) {
  const [error, setError] = useState<{ text: string; lang?: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const kb = Math.round(MAX_IMAGE_BYTES / 1000);
  if (!insatsId) return <p class="hint">{t('insats.imageAfterSave')}</p>;
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    if (!IMAGE_TYPES.includes(file.type)) return setError({ text: t('insats.imageType') });
    if (file.size > MAX_IMAGE_BYTES) return setError({ text: t('insats.imageTooLarge', { kb }) });
    setBusy(true);
    try {
      onChanged(await upload(insatsId, file));
    } catch (e) {
      setError(
        e instanceof ApiError && e.detail ? { text: e.detail, lang: 'en' } : { text: t('app.loadError') },
      );
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api('DELETE', `/api/staff/insatser/${encodeURIComponent(insatsId)}/image`);
      onChanged(null);
    } catch {
      setError({ text: t('app.loadError') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="field">
      <label class="field-label" for="insats-image">
        {t('insats.image')}
      </label>
      <p class="hint" id="insats-image-hint">
        {t('insats.imageHint', { kb })}
      </p>
      {error && (
        <ErrorText
          id="insats-image-error"
          message={error.lang ? { text: error.text, lang: error.lang } : error.text}
        />
      )}
      <input
        id="insats-image"
        type="file"
        accept={IMAGE_TYPES.join(',')}
        disabled={busy}
        aria-describedby={error ? 'insats-image-error insats-image-hint' : 'insats-image-hint'}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {image && (
        <div class="insats-image-preview">
          <img
            src={`/api/staff/insatser/${encodeURIComponent(insatsId)}/image?h=${image.hash}`}
            alt=""
            width={160}
          />
          <p>{t('insats.imageStored', { kb: Math.round(image.bytes / 1000) })}</p>
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void remove()}>
            {t('insats.imageRemove')}
          </button>
        </div>
      )}
    </div>
  );
}
