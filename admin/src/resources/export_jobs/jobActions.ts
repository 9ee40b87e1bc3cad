import { useMutation } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { downloadFile } from '../../auto/download';
import { API_URL, httpClient } from '../../providers/httpClient';
import type { ExportJob } from './jobEvents';

/** The finished file, saved under the job's name; returns that name. */
const downloadJob = async (job: Pick<ExportJob, 'id' | 'name'>) =>
    (await downloadFile(`${API_URL}/export_jobs/${job.id}/download`, job.name)) ?? job.name;

/** Cancels a job that waits or runs; returns the job as it ended. */
const cancelJob = async (id: number) =>
    (await httpClient(`${API_URL}/export_jobs/${id}/cancel`, { method: 'POST' })).json as ExportJob;

/**
 * A job's two actions for the dialog and the list: download (saved under its name, confirmed in a
 * notification) and cancel; a refusal shows the server's message. `onDone` runs after either.
 */
export const useJobActions = (onDone?: (action: 'download' | 'cancel') => void) => {
    const notify = useNotify();
    const { mutate, isPending } = useMutation({
        mutationFn: async ({ action, job }: { action: 'download' | 'cancel'; job: ExportJob }) => {
            if (action === 'cancel') return cancelJob(job.id);
            const name = await downloadJob(job);
            notify('resources.export_jobs.downloaded', { type: 'success', messageArgs: { name } });
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
        onSettled: (_data, _error, { action }) => onDone?.(action),
    });
    return {
        busy: isPending,
        download: (job: ExportJob) => mutate({ action: 'download', job }),
        cancel: (job: ExportJob) => mutate({ action: 'cancel', job }),
    };
};
