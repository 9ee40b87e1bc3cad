import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button as MuiButton, DialogContentText, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { DialogButton } from '../../components/DialogButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { TradeRunDialog } from './TradeRunDialog';
import { MAX_REPORT_BYTES, type ImportResult } from './tradeImport';

/**
 * 成交回报导入: uploads a trade-report CSV (multipart field "file") to POST /api/trades/import;
 * lines already imported are skipped by the server, so importing a file twice is harmless.
 */
export const TradeImportButton = () => {
    const { canAccess } = useCanAccess({ resource: 'trades', action: 'create' });
    if (!canAccess) return null;
    return (
        <DialogButton
            label="resources.trades.actions.import"
            icon={<UploadFileIcon />}
            dialog={(close) => <ImportDialog onClose={close} />}
        />
    );
};

const ImportDialog = ({ onClose }: { onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [file, setFile] = useState<File | null>(null);
    const tooLarge = !!file && file.size > MAX_REPORT_BYTES;
    return (
        <TradeRunDialog
            title={translate('resources.trades.import.title')}
            submitLabel="resources.trades.import.submit"
            ready={!!file}
            problem={tooLarge ? translate('resources.trades.import.too_large', { mb: 20 }) : null}
            run={async () => {
                const body = new FormData();
                body.append('file', file!, file!.name);
                return (await httpClient(`${API_URL}/trades/import`, { method: 'POST', body })).json as ImportResult;
            }}
            onDone={(outcome) =>
                notify('resources.trades.import.done', {
                    type: outcome.unmatched.length ? 'warning' : 'success',
                    messageArgs: {
                        recorded: outcome.recorded,
                        duplicates: outcome.duplicates,
                        unmatched: outcome.unmatched.length,
                    },
                })
            }
            onClose={onClose}
        >
            {(clear, busy) => {
                const choose = (event: ChangeEvent<HTMLInputElement>) => {
                    const picked = event.target.files?.[0] ?? null;
                    event.target.value = '';
                    clear();
                    setFile(picked);
                };
                return (
                    <>
                        <DialogContentText>{translate('resources.trades.import.format_hint')}</DialogContentText>
                        <Typography
                            variant="caption"
                            component="pre"
                            sx={{ m: 0, fontFamily: 'monospace', overflowX: 'auto' }}
                        >
                            trade_date,market,seat,shareholder_account,security_code,side,quantity,price,order_no,trade_id
                        </Typography>
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                            <MuiButton
                                component="label"
                                variant="outlined"
                                startIcon={<UploadFileIcon />}
                                disabled={busy}
                            >
                                {translate('resources.trades.import.choose_file')}
                                <input hidden type="file" accept=".csv,.txt,text/csv,text/plain" onChange={choose} />
                            </MuiButton>
                            <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
                                {file ? file.name : translate('resources.trades.import.no_file')}
                            </Typography>
                        </Stack>
                    </>
                );
            }}
        </TradeRunDialog>
    );
};
