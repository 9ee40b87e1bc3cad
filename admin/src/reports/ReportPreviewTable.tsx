import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
    Box,
    Chip,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TablePagination,
    TableRow,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { PAGE_SIZES } from './reportParams';
import type { PreviewLine, ReportHeader, ReportPreview } from './types';

/** The header block of REPORTS.md: company, branch, the title centred and larger, then the facts in two lines. */
export const ReportHeaderBlock = ({ header, locale }: { header: ReportHeader; locale: string }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ mb: 1.5 }} data-testid="report-header">
            <Typography variant="body1" sx={{ textAlign: 'center' }}>
                {header.company}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>
                {header.branch}
            </Typography>
            <Typography
                variant="h5"
                component="h2"
                sx={{
                    textAlign: 'center',
                    fontWeight: 600,
                    my: 1,
                    letterSpacing: locale.startsWith('zh') ? '0.3em' : 'normal',
                    // the letter spacing trails the last character too: pull it back so the title is centred
                    mr: locale.startsWith('zh') ? '-0.3em' : 0,
                }}
            >
                {header.title}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4, rowGap: 0.5 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flex: '1 1 auto' }}>
                    <Typography variant="body2">{header.period}</Typography>
                    <Chip
                        size="small"
                        data-testid="report-status"
                        color={header.closed ? 'success' : 'warning'}
                        variant={header.closed ? 'outlined' : 'filled'}
                        icon={header.closed ? <CheckCircleOutlineIcon /> : <WarningAmberIcon />}
                        label={header.status}
                        sx={header.closed ? undefined : { fontWeight: 600 }}
                    />
                </Box>
                <Typography variant="body2">
                    {translate('reports.header.currency', { currency: header.currency })}
                </Typography>
                <Typography variant="body2">{header.unit}</Typography>
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 0.5, mt: 0.5 }}>
                <Typography variant="body2" sx={{ flex: '1 1 auto' }}>
                    {translate('reports.header.params', { params: header.params })}
                </Typography>
                <Typography variant="body2">
                    {translate('reports.header.generated_at', { at: header.generated_at })}
                </Typography>
                <Typography variant="body2">
                    {translate('reports.header.operator', { name: header.operator })}
                </Typography>
            </Box>
        </Box>
    );
};

interface ReportTableProps {
    preview: ReportPreview;
    onPageChange: (page: number) => void;
    onPerPageChange: (perPage: number) => void;
}

/**
 * One page of the report: 序号, the server's formatted cells (numbers right-aligned), 小计 and
 * 合计 in bold, 本期无数据 in words when empty; wide reports scroll inside the table, with the
 * column headings kept in view; the pagination counts the report's rows; the notes under it.
 */
export const ReportTable = ({ preview, onPageChange, onPerPageChange }: ReportTableProps) => {
    const translate = useTranslate();
    const empty = preview.total_rows === 0 && preview.lines.length === 0;
    return (
        <>
            <TableContainer
                data-testid="report-table"
                sx={{
                    maxHeight: 'max(360px, calc(100vh - 170px))',
                    overflow: 'auto',
                    border: 1,
                    borderColor: 'divider',
                    borderRadius: 1,
                }}
            >
                <Table size="small" stickyHeader sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
                    <TableHead>
                        <TableRow>
                            <TableCell sx={{ fontWeight: 600, width: 48 }}>{translate('reports.table.seq')}</TableCell>
                            {preview.columns.map((c) => (
                                <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
                                    {c.label}
                                </TableCell>
                            ))}
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {empty ? (
                            <TableRow>
                                <TableCell colSpan={preview.columns.length + 1} align="center" sx={{ py: 4 }}>
                                    <Typography color="text.secondary">{translate('reports.table.empty')}</Typography>
                                </TableCell>
                            </TableRow>
                        ) : (
                            preview.lines.map((line, i) => (
                                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; a page's order is fixed
                                <ReportLine key={i} line={line} columns={preview.columns} />
                            ))
                        )}
                    </TableBody>
                </Table>
            </TableContainer>
            {!empty && (
                <TablePagination
                    component="div"
                    count={preview.total_rows}
                    page={Math.max(0, preview.page - 1)}
                    rowsPerPage={preview.per_page}
                    rowsPerPageOptions={[...PAGE_SIZES]}
                    onPageChange={(_, page) => onPageChange(page + 1)}
                    onRowsPerPageChange={(e) => onPerPageChange(Number(e.target.value))}
                    labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
                    labelDisplayedRows={({ from, to, count }) =>
                        translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
                    }
                    getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
                    showFirstButton
                    showLastButton
                />
            )}
            {preview.notes.length > 0 && (
                <Box sx={{ mt: 1 }} data-testid="report-notes">
                    {preview.notes.map((note) => (
                        <Typography key={note} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                            {note}
                        </Typography>
                    ))}
                </Box>
            )}
        </>
    );
};

const ReportLine = ({ line, columns }: { line: PreviewLine; columns: ReportPreview['columns'] }) => {
    const translate = useTranslate();
    const summary = line.kind !== 'row';
    const first =
        line.kind === 'row'
            ? String(line.n ?? '')
            : line.kind === 'subtotal'
              ? translate('reports.table.subtotal', { label: line.label ?? '' })
              : translate('reports.table.total');
    const cellSx = {
        fontWeight: summary ? 700 : undefined,
        fontVariantNumeric: 'tabular-nums',
    };
    return (
        <TableRow
            hover={!summary}
            data-kind={line.kind}
            sx={summary ? { bgcolor: 'action.hover', '& td': { borderBottomColor: 'divider' } } : undefined}
        >
            <TableCell sx={{ ...cellSx, color: summary ? undefined : 'text.secondary' }}>{first}</TableCell>
            {columns.map((c) => (
                <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={cellSx}>
                    {line.cells[c.key] ?? ''}
                </TableCell>
            ))}
        </TableRow>
    );
};
