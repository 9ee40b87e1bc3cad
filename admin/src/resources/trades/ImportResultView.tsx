import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { saveBlob } from '../../auto/download';
import { csvBlob, reasonKey, sortUnmatched, type ImportResult } from './tradeImport';

/** The outcome of an import or a simulation: counts, then every line not recorded with its reason. */
export const ImportResultView = ({ result }: { result: ImportResult }) => {
    const translate = useTranslate();
    const unmatched = sortUnmatched(result.unmatched);
    return (
        <Stack spacing={1.5}>
            <Stack direction="row" spacing={3}>
                <Count label="resources.trades.import.lines" value={result.lines} />
                <Count label="resources.trades.import.recorded" value={result.recorded} color="success.main" />
                <Count label="resources.trades.import.duplicates" value={result.duplicates} />
                <Count
                    label="resources.trades.import.unmatched"
                    value={unmatched.length}
                    color={unmatched.length ? 'error.main' : undefined}
                />
            </Stack>
            {result.csv !== undefined && (
                <Box>
                    <Button
                        variant="outlined"
                        size="small"
                        startIcon={<DownloadIcon />}
                        onClick={() => saveBlob(csvBlob(result.csv!), result.file_name ?? 'trade-report.csv')}
                    >
                        {translate('resources.trades.actions.download_csv', {
                            name: result.file_name ?? 'trade-report.csv',
                        })}
                    </Button>
                </Box>
            )}
            {unmatched.length === 0 ? (
                <Alert severity="success">{translate('resources.trades.import.all_matched')}</Alert>
            ) : (
                <Table size="small" sx={{ '& td, & th': { px: 1 } }}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('resources.trades.import.line')}</TableCell>
                            <TableCell>{translate('resources.trades.import.trade_id')}</TableCell>
                            <TableCell>{translate('resources.trades.import.reason')}</TableCell>
                            <TableCell>{translate('resources.trades.import.text')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {unmatched.map((u) => (
                            <TableRow key={`${u.line}-${u.trade_id ?? ''}`}>
                                <TableCell>{u.line}</TableCell>
                                <TableCell sx={{ fontFamily: 'monospace' }}>{u.trade_id ?? ''}</TableCell>
                                <TableCell sx={{ color: 'error.main', whiteSpace: 'nowrap' }}>
                                    {translate(reasonKey(u.reason), { reason: u.reason })}
                                </TableCell>
                                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                                    {u.text ?? ''}
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
        </Stack>
    );
};

const Count = ({ label, value, color }: { label: string; value: number; color?: string }) => {
    const translate = useTranslate();
    return (
        <Box>
            <Typography variant="caption" color="text.secondary" component="div">
                {translate(label)}
            </Typography>
            <Typography variant="h6" sx={{ color, fontVariantNumeric: 'tabular-nums' }}>
                {value}
            </Typography>
        </Box>
    );
};
