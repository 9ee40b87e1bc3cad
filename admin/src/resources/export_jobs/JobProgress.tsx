import { Box, LinearProgress, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { type ExportJob, isLive, percent } from './jobEvents';

const grouped = (n: number, locale: string) => n.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');

/** A job's progress bar and its words: rows done of rows expected, or why it stopped. */
export const JobProgress = ({ job, compact = false }: { job: ExportJob; compact?: boolean }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const unit = translate(
        job.kind === 'statements' ? 'resources.export_jobs.unit_clients' : 'resources.export_jobs.unit_rows',
    );
    const counts = translate('resources.export_jobs.progress', {
        done: grouped(job.rows_done, locale),
        expected: job.rows_expected === null ? '—' : grouped(job.rows_expected, locale),
        unit,
    });
    const color = job.status === 'failed' ? 'error' : job.status === 'completed' ? 'success' : 'primary';
    return (
        <Box sx={{ minWidth: compact ? 160 : 320 }}>
            <LinearProgress
                variant={job.status === 'queued' ? 'indeterminate' : 'determinate'}
                value={percent(job)}
                color={color}
                sx={{ height: compact ? 6 : 8, borderRadius: 1 }}
            />
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                {isLive(job) || job.status === 'completed'
                    ? `${counts}${job.status === 'running' ? ` · ${percent(job)}%` : ''}`
                    : (job.error_text ?? translate(`resources.export_jobs.statuses.${job.status}`))}
            </Typography>
        </Box>
    );
};
