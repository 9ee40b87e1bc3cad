import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress, Menu, MenuItem } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
    Button,
    useCanAccess,
    useDataProvider,
    useListContext,
    useNotify,
    useResourceContext,
    useTranslate,
} from 'react-admin';
import { cleanFilter } from '../auto/fieldLogic';
import type { AppDataProvider, ExportFormat } from '../providers/dataProvider';

type Choice = { format: ExportFormat; encoding?: 'gbk' };
const CHOICES: { key: string; choice: Choice }[] = [
    { key: 'app.export.xlsx', choice: { format: 'xlsx' } },
    { key: 'app.export.csv', choice: { format: 'csv' } },
    { key: 'app.export.csv_gbk', choice: { format: 'csv', encoding: 'gbk' } },
];

/**
 * The export of every list: the server renders every row the list's current filter selects
 * (GET /api/<resource>/export: the report renderer's header block, 序号, Chinese titles, names
 * instead of ids, enums in words) as .xlsx or CSV — never react-admin's browser CSV of at most
 * 1,000 raw rows. Hidden without the `<resource>.export` right (the server refuses it anyway).
 */
export const ServerExportButton = ({ resource: resourceProp }: { resource?: string }) => {
    const resource = useResourceContext({ resource: resourceProp })!;
    const { sort, filterValues, total } = useListContext();
    const { canAccess } = useCanAccess({ resource, action: 'export' });
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const translate = useTranslate();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const { mutate, isPending } = useMutation({
        mutationFn: (choice: Choice) =>
            dataProvider.exportList(resource, choice.format, {
                sort,
                filter: cleanFilter(filterValues),
                encoding: choice.encoding,
            }),
        // null: the export became a background job, which its own dialog follows
        onSuccess: (name) => name && notify('app.export.done', { type: 'info', messageArgs: { name } }),
        onError: (error) =>
            notify('app.export.failed', { type: 'error', messageArgs: { message: (error as Error).message } }),
    });
    if (!canAccess) return null;
    return (
        <>
            <Button
                label="app.export.button"
                onClick={(e) => setAnchor(e.currentTarget)}
                disabled={isPending || total === 0}
                aria-haspopup="menu"
            >
                {isPending ? <CircularProgress size={16} /> : <DownloadIcon />}
            </Button>
            <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
                {CHOICES.map(({ key, choice }) => (
                    <MenuItem
                        key={key}
                        onClick={() => {
                            setAnchor(null);
                            mutate(choice);
                        }}
                    >
                        {translate(key)}
                    </MenuItem>
                ))}
            </Menu>
        </>
    );
};
