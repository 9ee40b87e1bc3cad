import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, ButtonGroup, CircularProgress, Menu, MenuItem } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { ReportFormat } from './types';

type Choice = { format: ReportFormat; encoding?: 'gbk' };

interface ReportDownloadButtonsProps {
    reportId: string;
    /**
     * The parameters to download with, or null when the form does not hold a valid set (the
     * caller then shows why beside the inputs). Called at click time: a download follows the form.
     */
    resolveParams: () => Record<string, string> | null;
    disabled?: boolean;
}

/**
 * 下载 Excel / PDF / CSV (and CSV in GBK for older Excel) through the dataProvider, which saves
 * the file under the server's Chinese name. A refusal (the PDF row cap, a parameter the server
 * rejects) comes back as the server's own message in a notification.
 */
export const ReportDownloadButtons = ({ reportId, resolveParams, disabled }: ReportDownloadButtonsProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<AppDataProvider>();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const [pending, setPending] = useState<ReportFormat | null>(null);
    const { mutate, isPending } = useMutation({
        mutationFn: ({ choice, params }: { choice: Choice; params: Record<string, string> }) =>
            dataProvider.downloadReport(reportId, choice.format, params, { encoding: choice.encoding }),
        // null: the report became a background job, which its own dialog follows
        onSuccess: (name) => name && notify('reports.download.done', { type: 'info', messageArgs: { name } }),
        onError: (error) =>
            notify('reports.download.failed', { type: 'error', messageArgs: { message: (error as Error).message } }),
        onSettled: () => setPending(null),
    });
    const start = (choice: Choice) => {
        setAnchor(null);
        const params = resolveParams();
        if (!params) return;
        setPending(choice.format);
        mutate({ choice, params });
    };
    const icon = (format: ReportFormat) =>
        isPending && pending === format ? <CircularProgress size={16} /> : <DownloadIcon />;
    const off = disabled || isPending;
    return (
        <>
            <ButtonGroup
                variant="outlined"
                size="small"
                aria-label={translate('reports.download.more')}
                // file formats keep their own spelling (Excel, PDF, CSV)
                sx={{ '& .MuiButton-root': { textTransform: 'none' } }}
            >
                <Button startIcon={icon('xlsx')} disabled={off} onClick={() => start({ format: 'xlsx' })}>
                    {translate('reports.download.xlsx')}
                </Button>
                <Button startIcon={icon('pdf')} disabled={off} onClick={() => start({ format: 'pdf' })}>
                    {translate('reports.download.pdf')}
                </Button>
                <Button startIcon={icon('csv')} disabled={off} onClick={() => start({ format: 'csv' })}>
                    {translate('reports.download.csv')}
                </Button>
                <Button
                    disabled={off}
                    aria-label={translate('reports.download.more')}
                    aria-haspopup="menu"
                    onClick={(e) => setAnchor(e.currentTarget)}
                    sx={{ px: 0.5, minWidth: 0 }}
                >
                    <ArrowDropDownIcon />
                </Button>
            </ButtonGroup>
            <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
                <MenuItem onClick={() => start({ format: 'csv', encoding: 'gbk' })}>
                    {translate('reports.download.csv_gbk')}
                </MenuItem>
            </Menu>
        </>
    );
};
