import CancelIcon from '@mui/icons-material/Cancel';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Chip } from '@mui/material';
import {
    Button,
    DataTable,
    List,
    SelectInput,
    useLocale,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { JobProgress } from './JobProgress';
import { useJobActions } from './jobActions';
import { type ExportJob, isLive } from './jobEvents';

const STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'expired'] as const;
const COLORS: Record<ExportJob['status'], 'default' | 'primary' | 'success' | 'error' | 'warning'> = {
    queued: 'default',
    running: 'primary',
    completed: 'success',
    failed: 'error',
    cancelled: 'warning',
    expired: 'default',
};

const StatusFilter = () => {
    const translate = useTranslate();
    return (
        <SelectInput
            source="status"
            alwaysOn
            choices={STATUSES.map((id) => ({ id, name: translate(`resources.export_jobs.statuses.${id}`) }))}
        />
    );
};

const JobButtons = () => {
    const job = useRecordContext<ExportJob>();
    const refresh = useRefresh();
    const { busy, download, cancel } = useJobActions(refresh);
    if (!job) return null;
    if (job.status === 'completed')
        return (
            <Button label="resources.export_jobs.download" disabled={busy} onClick={() => download(job)}>
                <DownloadIcon />
            </Button>
        );
    if (isLive(job))
        return (
            <Button label="resources.export_jobs.cancel" color="error" disabled={busy} onClick={() => cancel(job)}>
                <CancelIcon />
            </Button>
        );
    return null;
};

/** 我的导出: the operator's background exports, newest first, with progress, cancel and download. */
export const ExportJobList = () => {
    const translate = useTranslate();
    const locale = useLocale();
    return (
        <List
            sort={{ field: 'id', order: 'DESC' }}
            perPage={25}
            exporter={false}
            filters={[<StatusFilter key="status" />]}
            empty={false}
            // every two seconds while one of its jobs still waits or runs
            queryOptions={{
                refetchInterval: (q: { state: { data?: { data?: ExportJob[] } } }) =>
                    q.state.data?.data?.some(isLive) ? 2000 : false,
            }}
        >
            <Alert severity="info" sx={{ m: 1 }}>
                {translate('resources.export_jobs.intro')}
            </Alert>
            <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <DataTable.Col source="name" />
                <DataTable.Col
                    source="status"
                    render={(r: ExportJob) => (
                        <Chip
                            size="small"
                            variant="outlined"
                            color={COLORS[r.status]}
                            label={translate(`resources.export_jobs.statuses.${r.status}`)}
                        />
                    )}
                />
                <DataTable.Col
                    source="rows_done"
                    disableSort
                    render={(r: ExportJob) => <JobProgress job={r} compact />}
                />
                <DataTable.Col
                    source="bytes"
                    disableSort
                    align="right"
                    render={(r: ExportJob) =>
                        r.bytes === null
                            ? ''
                            : translate('resources.export_jobs.size_kb', {
                                  size: (r.bytes / 1024).toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', {
                                      maximumFractionDigits: 1,
                                  }),
                              })
                    }
                />
                <DataTable.Col source="created_at">
                    <LocalDateField source="created_at" />
                </DataTable.Col>
                <DataTable.Col source="finished_at" disableSort>
                    <LocalDateField source="finished_at" />
                </DataTable.Col>
                <DataTable.Col source="expires_at" disableSort>
                    <LocalDateField source="expires_at" />
                </DataTable.Col>
                <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <JobButtons />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
