import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useGetOne, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { JobProgress } from './JobProgress';
import { useJobActions } from './jobActions';
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
    const navigate = useNavigate();
    const { data } = useGetOne<ExportJob>(
        'export_jobs',
        { id: started.id },
        { refetchInterval: (q) => (!q.state.data || isLive(q.state.data) ? 1000 : false) },
    );
    const job = data ?? started;
    const { busy, download, cancel } = useJobActions((action) => action === 'download' && onClose());
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
                        onClick={() => cancel(job)}
                    />
                )}
                {job.status === 'completed' && (
                    <Button
                        label="resources.export_jobs.download"
                        variant="contained"
                        disabled={busy}
                        onClick={() => download(job)}
                    />
                )}
                <Button label="resources.export_jobs.dialog.close" onClick={onClose} />
            </DialogActions>
        </Dialog>
    );
};
