import { useRef, useState } from 'preact/hooks';
import type { Whereabouts } from '../../../common/geo/locate.ts';
import { loadSwedishLater, t } from '../../i18n/index.ts';
import { confirmPositionArea, lastFix, setPoint } from '../../state/device.ts';

type Step = 'idle' | 'consent' | 'locating' | 'denied' | 'unsupported' | 'answer';

type Chunk = typeof import('./answer.tsx');
let chunk: Promise<Chunk> | undefined;

/**
 * "Use my position": first a plain-language consent (what is used; the exact point is not kept),
 * then the browser's geolocation, then the area it is in, named on the device (./answer.tsx,
 * loaded only now) for the person to confirm or change. Not shown to children under 13 (the API
 * refuses their points).
 */
export function PositionChooser({
  onDone,
  onChooseOther,
}: {
  onDone: () => void;
  onChooseOther: () => void;
}) {
  const [step, setStep] = useState<Step>('idle');
  const [answer, setAnswer] = useState<
    { where: Whereabouts; point: { lat: number; lon: number }; view: Chunk } | undefined
  >(undefined);
  const consentHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  const usePoint = (value: { lat: number; lon: number }) => {
    setPoint(value);
    setStep('idle');
    onDone();
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStep('unsupported');
      return;
    }
    setStep('locating');
    chunk ??= loadSwedishLater().then(() => import('./answer.tsx'));
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        const value = { lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) };
        lastFix.value = { ...value, accuracy: pos.coords.accuracy };
        let view: Chunk | undefined;
        let where: Whereabouts | undefined;
        try {
          view = await (chunk as Promise<Chunk>);
          where = await view.findArea(pos.coords.latitude, pos.coords.longitude, pos.coords.accuracy);
        } catch {
          chunk = undefined;
        }
        // No map on this device (and no connection to fetch it): the point is used as before, and
        // the server names the area when what the person sends arrives.
        if (!view || !where) usePoint(value);
        else {
          setAnswer({ where, point: value, view });
          setStep('answer');
        }
      },
      () => setStep('denied'),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  if (step === 'answer' && answer) {
    const { PositionAnswer } = answer.view;
    return (
      <PositionAnswer
        where={answer.where}
        onConfirm={(code) => {
          void confirmPositionArea(code, answer.point);
          setAnswer(undefined);
          setStep('idle');
          onDone();
        }}
        onOther={() => {
          setAnswer(undefined);
          setStep('idle');
          onChooseOther();
        }}
      />
    );
  }

  if (step === 'consent') {
    return (
      <section class="consent" aria-labelledby="position-consent-title">
        <h2 id="position-consent-title" ref={consentHeading} tabIndex={-1}>
          {t('position.consentTitle')}
        </h2>
        <p>{t('position.consentText1')}</p>
        <p>{t('position.consentText2')}</p>
        <div class="actions">
          <button type="button" class="btn btn-primary" onClick={locate}>
            {t('position.allow')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              setStep('idle');
              requestAnimationFrame(() => startButton.current?.focus());
            }}
          >
            {t('position.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <div class="position">
      <button
        ref={startButton}
        type="button"
        class="btn btn-secondary btn-position"
        onClick={() => {
          setStep('consent');
          requestAnimationFrame(() => consentHeading.current?.focus());
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon">
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v4M12 18v4M2 12h4M18 12h4" />
        </svg>
        {t('position.button')}
      </button>
      <p role="status" class="hint">
        {step === 'locating'
          ? t('position.locating')
          : step === 'denied'
            ? t('position.denied')
            : step === 'unsupported'
              ? t('position.unsupported')
              : ''}
      </p>
    </div>
  );
}
