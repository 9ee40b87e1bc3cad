import { downloadFile } from '../../auto/download';
import { API_URL, httpClient } from '../../providers/httpClient';
import type { ExportJob } from './jobEvents';

/** The finished file, saved under the job's name; returns that name. */
export const downloadJob = async (job: Pick<ExportJob, 'id' | 'name'>) =>
    (await downloadFile(`${API_URL}/export_jobs/${job.id}/download`, job.name)) ?? job.name;

/** Cancels a job that waits or runs; returns the job as it ended. */
export const cancelJob = async (id: number) =>
    (await httpClient(`${API_URL}/export_jobs/${id}/cancel`, { method: 'POST' })).json as ExportJob;
