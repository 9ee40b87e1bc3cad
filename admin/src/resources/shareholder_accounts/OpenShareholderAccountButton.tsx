import AddCardIcon from '@mui/icons-material/AddCard';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useCanAccess, useNotify, useTranslate, type Identifier } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';
import { codeHintKey, normalizeShareholderCode, shareholderCodeProblem } from './shareholderCode';

interface OpenShareholderAccountButtonProps {
    clientId: Identifier;
    clientName?: string;
    market: string;
    /** after the account is open (the ticket asks for a new estimate) */
    onOpened: (account: { id: Identifier; code: string; market: string }) => void;
}

/**
 * 开立股东账户 from where its absence stops the teller (the order ticket's "请先开立"): a dialog
 * for the client and market at hand. Without a code the console assigns one, as 开户 does; the
 * code the exchange assigned can be typed instead. Shown only with shareholder_accounts.create.
 */
export const OpenShareholderAccountButton = ({
    clientId,
    clientName,
    market,
    onOpened,
}: OpenShareholderAccountButtonProps) => {
    const { canAccess } = useCanAccess({ resource: 'shareholder_accounts', action: 'create' });
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [code, setCode] = useState('');
    const [problem, setProblem] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);
    if (!canAccess) return null;
    const marketName = translate(`counter.markets.${market}`, { _: market });

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        const typed = normalizeShareholderCode(code);
        const wrong = typed ? shareholderCodeProblem(market, typed) : undefined;
        if (wrong) {
            setProblem(translate(wrong));
            return;
        }
        setSaving(true);
        try {
            const { json } = await httpClient(`${API_URL}/shareholder_accounts`, {
                method: 'POST',
                body: JSON.stringify({ client_id: Number(clientId), market, ...(typed ? { code: typed } : {}) }),
            });
            notify('resources.shareholder_accounts.open.done', {
                type: 'success',
                messageArgs: { market: marketName, code: json.code },
            });
            setOpen(false);
            onOpened(json);
        } catch (error) {
            setProblem(fieldMessage(error, 'code') ?? errorText(error));
        } finally {
            setSaving(false);
        }
    };

    return (
        <>
            <Button
                size="small"
                color="inherit"
                variant="outlined"
                startIcon={<AddCardIcon />}
                onClick={() => setOpen(true)}
            >
                {translate('resources.shareholder_accounts.open.button', { market: marketName })}
            </Button>
            <Dialog open={open} onClose={saving ? undefined : () => setOpen(false)} maxWidth="xs" fullWidth>
                <form onSubmit={submit} noValidate>
                    <DialogTitle>
                        {translate('resources.shareholder_accounts.open.title', { market: marketName })}
                    </DialogTitle>
                    <DialogContent>
                        <DialogContentText sx={{ mb: 2 }}>
                            {translate('resources.shareholder_accounts.open.content', {
                                client: clientName ?? '',
                                market: marketName,
                            })}
                        </DialogContentText>
                        <TextField
                            fullWidth
                            label={translate('resources.shareholder_accounts.fields.code')}
                            value={code}
                            onChange={(e) => {
                                setCode(e.target.value);
                                setProblem(null);
                            }}
                            error={!!problem}
                            helperText={
                                problem ??
                                translate('resources.shareholder_accounts.open.code_helper', {
                                    hint: translate(codeHintKey(market)),
                                })
                            }
                            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
                        />
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={() => setOpen(false)} disabled={saving}>
                            {translate('ra.action.cancel')}
                        </Button>
                        <Button type="submit" variant="contained" disabled={saving}>
                            {translate('resources.shareholder_accounts.open.submit')}
                        </Button>
                    </DialogActions>
                </form>
            </Dialog>
        </>
    );
};
