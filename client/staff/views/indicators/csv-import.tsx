/**
 * Importing a CSV file in two steps: "Förhandsgranska" asks the server what it would do (rows it
 * accepts, row errors with spreadsheet row numbers), "Importera N rader" does it. The row errors
 * are tied to the file field (aria-describedby) and the summary takes focus after each step, so a
 * screen reader hears the outcome.
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { ErrorText, type FieldMessage } from '../../components/field.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { t } from '../../i18n/index.ts';

/** What both import endpoints answer (IndicatorImportResult; the crosswalk's has the same core). */
export interface ImportSummary {
  mode: 'preview' | 'commit';
  rows: number;
  accepted: number;
  replacing?: number;
  errors: { row: number; column: string | null; message: string }[];
  sample?: Record<string, unknown>[];
}

/** A column of the preview table: the sample's field and its heading (the CSV column name). */
export interface SampleColumn {
  key: string;
  label: string;
  format?: (value: unknown) => string;
}

export function CsvImport({
  idPrefix,
  endpoint,
  legend,
  hint,
  columns,
  sampleOf = (r) => r.sample ?? [],
  onImported,
}: {
  idPrefix: string;
  /** POST endpoint without `?mode=`. */
  endpoint: string;
  legend: string;
  hint: string;
  columns: readonly SampleColumn[];
  /** The preview table's rows from the answer (default: its `sample`). */
  sampleOf?: (result: ImportSummary) => Record<string, unknown>[];
  onImported: () => void;
}) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [problem, setProblem] = useState<FieldMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fileId = `${idPrefix}-file`;
  const pasteId = `${idPrefix}-paste`;
  const errorsId = `${idPrefix}-row-errors`;
  const problemId = `${idPrefix}-problem`;

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());
  const reset = () => {
    setPreview(null);
    setDone(null);
    setProblem(null);
  };

  const send = async (mode: 'preview' | 'commit') => {
    setProblem(null);
    if (!text.trim()) {
      setProblem(t('indicators.importEmpty'));
      focusSummary();
      return;
    }
    setBusy(true);
    try {
      const result = await api<ImportSummary>('POST', `${endpoint}?mode=${mode}`, text, {
        contentType: 'text/csv',
      });
      if (mode === 'preview') setPreview(result);
      else {
        setPreview(null);
        setDone(result);
        onImported();
      }
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status !== 0 && error.detail
          ? { text: error.detail, lang: 'en' }
          : t('app.loadError'),
      );
    } finally {
      setBusy(false);
      focusSummary();
    }
  };

  const rowErrors = preview?.errors ?? [];
  const sample = preview ? sampleOf(preview) : [];
  const describedBy = [problem ? problemId : '', rowErrors.length ? errorsId : '', `${idPrefix}-hint`]
    .filter(Boolean)
    .join(' ');
  const invalid = problem !== null || rowErrors.length > 0 ? ('true' as const) : undefined;
  return (
    <section class="csv-import" aria-labelledby={`${idPrefix}-heading`} data-testid={`${idPrefix}-section`}>
      <h2 id={`${idPrefix}-heading`}>{legend}</h2>
      <p class="hint" id={`${idPrefix}-hint`}>
        {hint}
      </p>
      <form
        class="staff-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send('preview');
        }}
      >
        <div class="field">
          <label class="field-label" for={fileId}>
            {t('indicators.importFile')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              reset();
              setText(file ? await file.text() : '');
            }}
          />
        </div>
        <div class="field">
          <label class="field-label" for={pasteId}>
            {t('indicators.importPaste')}
          </label>
          <textarea
            id={pasteId}
            rows={4}
            value={text}
            onInput={(e) => {
              reset();
              setText(e.currentTarget.value);
            }}
          />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-secondary" disabled={busy}>
            {t('indicators.importPreview')}
          </button>
        </div>
      </form>
      <div ref={summaryRef} tabIndex={-1} data-testid={`${idPrefix}-result`}>
        {problem && (
          <div class="notice notice-error" role="alert">
            <ErrorText id={problemId} message={problem} />
          </div>
        )}
        {done && (
          <p class="notice notice-ok" role="status">
            {t('indicators.importDone', { n: done.accepted })}
          </p>
        )}
        {preview && (
          <>
            <h3>{t('indicators.previewTitle')}</h3>
            <p role="status">
              {t('indicators.previewSummary', {
                rows: preview.rows,
                accepted: preview.accepted,
                errors: rowErrors.length,
              })}
              {preview.replacing ? ` ${t('indicators.previewReplacing', { n: preview.replacing })}` : ''}
            </p>
          </>
        )}
      </div>
      {preview && rowErrors.length > 0 && (
        <div class="notice notice-error" data-testid={`${idPrefix}-errors`}>
          <h4 id={`${errorsId}-title`}>{t('indicators.rowErrorsTitle', { n: rowErrors.length })}</h4>
          <ul id={errorsId}>
            {rowErrors.map((e) => (
              <li key={`${e.row}-${e.column}-${e.message}`}>
                {e.column
                  ? t('indicators.rowErrorColumn', { row: e.row, column: e.column })
                  : t('indicators.rowError', { row: e.row })}{' '}
                <span lang="en">{e.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && sample.length > 0 && (
        <TableRegion labelledBy={`${idPrefix}-sample-caption`}>
          <table class="staff-table" data-testid={`${idPrefix}-sample`}>
            <caption id={`${idPrefix}-sample-caption`}>
              {t('indicators.sampleCaption', { shown: sample.length, n: preview.accepted })}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sample.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.key}>{c.format ? c.format(row[c.key]) : String(row[c.key] ?? '')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {preview && preview.accepted > 0 && (
        <div class="actions">
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void send('commit')}>
            {t('indicators.importCommit', { n: preview.accepted })}
          </button>
        </div>
      )}
    </section>
  );
}
