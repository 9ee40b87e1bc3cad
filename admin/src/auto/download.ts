import { getCurrentLocale } from '../providers/locale';
import { filenameFromDisposition } from './fieldLogic';
import { type ExportJob, startedJob } from '../resources/export_jobs/jobEvents';

/** The server's error message of a failed download, or the status line. */
const errorMessage = async (response: Response): Promise<string> => {
    try {
        const json = await response.json();
        return json?.error?.message || response.statusText || String(response.status);
    } catch {
        return response.statusText || String(response.status);
    }
};

/**
 * Downloads a file the server streams (the session cookie goes along; no CSRF token for a GET)
 * and hands it to the browser under the name from Content-Disposition. Throws with the server's
 * message on failure. A download past the server's row threshold comes back as a background job
 * (202): it is announced to the export-job dialog (startedJob) and null is returned — no file yet.
 */
export const downloadFile = async (
    url: string,
    fallbackName: string,
    nameOverride?: string,
): Promise<string | null> => {
    const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { 'Accept-Language': getCurrentLocale() },
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    if (response.status === 202) {
        const body = (await response.json()) as { job: ExportJob };
        startedJob(body.job);
        return null;
    }
    const blob = await response.blob();
    const name = nameOverride ?? filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
    saveBlob(blob, name);
    return name;
};

export const saveBlob = (blob: Blob, name: string) => {
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Some browsers read the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
};
