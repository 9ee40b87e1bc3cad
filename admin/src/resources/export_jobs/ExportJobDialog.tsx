import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { JobProgress } from './JobProgress';
import { cancelJob, downloadJob } from './jobActions';
import { type ExportJob, isLive, onStartedJob } from './jobEvents';

/**
 * Wherever a download becomes a background job (past the row threshold) or a batch is started,
 * this dialog follows it: the progress bar, cancel, and the download once the file is whole.
 * Closing it leaves the job running; 我的导出 lists it.
 */
export const ExportJobDialog = () => {
    const [started, setStarted] = useState<ExportJob | null>(null);
    useEffect(() => onStartedJob(setStarted), []);
    if (!started) return null;
    return <JobDialog key={started.id} started={started} onClose={() => setStarted(null)} />;
};

const JobDialog = ({ started, onClose }: { started: ExportJob; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const navigate = useNavigate();
    const [busy, setBusy] = useState(false);
    const { data } = useGetOne<ExportJob>(
        'export_jobs',
        { id: started.id },
        { refetchInterval: (q) => (!q.state.data || isLive(q.state.data) ? 1000 : false) },
    );
    const job = data ?? started;
    const act = async (what: () => Promise<unknown>) => {
        setBusy(true);
        try {
            await what();
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="export-job-title">
            <DialogTitle id="export-job-title">{translate('resources.export_jobs.dialog.title')}</DialogTitle>
            <DialogContent>
                <DialogContentText sx={{ mb: 2 }}>
                    {translate(`resources.export_jobs.dialog.${job.kind === 'statements' ? 'statements' : 'intro'}`, {
                        name: job.name,
                    })}
                </DialogContentText>
                <JobProgress job={job} />
            </DialogContent>
            <DialogActions>
                <Button
                    label="resources.export_jobs.open_list"
                    onClick={() => {
                        onClose();
                        navigate('/export_jobs');
                    }}
                />
                {isLive(job) && (
                    <Button
                        label="resources.export_jobs.cancel"
                        color="error"
                        disabled={busy}
                        onClick={() => act(() => cancelJob(job.id))}
                    />
                )}
                {job.status === 'completed' && (
                    <Button
                        label="resources.export_jobs.download"
                        variant="contained"
                        disabled={busy}
                        onClick={() =>
                            act(async () => {
                                const name = await downloadJob(job);
                                notify('resources.export_jobs.downloaded', { type: 'success', messageArgs: { name } });
                                onClose();
                            })
                        }
                    />
                )}
                <Button label="resources.export_jobs.dialog.close" onClick={onClose} />
            </DialogActions>
        </Dialog>
    );
};
