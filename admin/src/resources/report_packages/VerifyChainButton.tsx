import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText } from '../clients/serverError';

/** 校验: walks the archive's hash chain on the server and says, in words, whether it is whole or where it breaks. */
export const VerifyChainButton = () => {
    const { canAccess } = useCanAccess({ resource: 'report_packages', action: 'run' });
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
    if (!canAccess) return null;
    const run = async () => {
        setOpen(true);
        setResult(null);
        try {
            const { json } = await httpClient(`${API_URL}/report_packages/verify`, {
                method: 'POST',
                body: JSON.stringify({}),
            });
            setResult({ ok: json.ok, message: json.message });
        } catch (error) {
            setResult({ ok: false, message: translate(errorText(error)) });
        }
    };
    return (
        <>
            <Button label="resources.report_packages.verify.button" onClick={run}>
                <VerifiedIcon />
            </Button>
            {open && (
                <Dialog open onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
                    <DialogTitle>{translate('resources.report_packages.verify.title')}</DialogTitle>
                    <DialogContent>
                        {result ? (
                            <Alert severity={result.ok ? 'success' : 'error'} data-testid="verify-result">
                                {result.message}
                            </Alert>
                        ) : (
                            <>
                                {translate('resources.report_packages.verify.running')}
                                <LinearProgress sx={{ mt: 2 }} />
                            </>
                        )}
                    </DialogContent>
                    <DialogActions>
                        <Button label="resources.report_packages.verify.close" onClick={() => setOpen(false)} />
                    </DialogActions>
                </Dialog>
            )}
        </>
    );
};
