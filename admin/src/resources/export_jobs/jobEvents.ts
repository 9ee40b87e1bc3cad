/** A background export as GET /api/export_jobs/{id} shows it. */
export interface ExportJob {
    id: number;
    kind: 'report' | 'list' | 'statements';
    source: string;
    format: 'xlsx' | 'pdf' | 'csv' | 'zip';
    name: string;
    status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'expired';
    rows_done: number;
    rows_expected: number | null;
    bytes: number | null;
    error_text: string | null;
    created_at: string;
    started_at: string | null;
    finished_at: string | null;
    expires_at: string | null;
}

const EVENT = 'export-job-started';

/** Tells the export-job dialog that a download became a background job (any screen may start one). */
export const startedJob = (job: ExportJob) => window.dispatchEvent(new CustomEvent<ExportJob>(EVENT, { detail: job }));

/** Listens for jobs started anywhere; returns the unsubscribe. */
export const onStartedJob = (fn: (job: ExportJob) => void) => {
    const listener = (e: Event) => fn((e as CustomEvent<ExportJob>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
};

/** Still going: the screens poll these. */
export const isLive = (job: Pick<ExportJob, 'status'>) => job.status === 'queued' || job.status === 'running';

/** Done of expected in percent (0 when nothing is expected yet). */
export const percent = (job: Pick<ExportJob, 'rows_done' | 'rows_expected' | 'status'>) =>
    job.status === 'completed'
        ? 100
        : job.rows_expected
          ? Math.min(100, Math.floor((job.rows_done / job.rows_expected) * 100))
          : 0;
