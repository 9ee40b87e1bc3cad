import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { amountInWords } from './amountWords';
import { formatMoney } from './money';

export interface ConfirmFact {
    /** i18n key of the label */
    label: string;
    value: ReactNode;
}

interface AmountConfirmDialogProps {
    open: boolean;
    /** i18n key of the title and its arguments */
    title: string;
    titleArgs?: Record<string, unknown>;
    /** what the operator checks besides the amount: the account, the client, the security… */
    facts: ConfirmFact[];
    /** i18n key of the amount's label (金额, 需冻结资金…) */
    amountLabel: string;
    /** a decimal string */
    amount: string;
    currency?: string;
    /** i18n key of the confirming button */
    confirmLabel: string;
    confirmColor?: 'primary' | 'error' | 'success';
    pending?: boolean;
    onConfirm: () => void;
    onCancel: () => void;
}

/**
 * 大额确认: before a large cash posting or order leaves the counter, the operator reads it back —
 * the amount in figures and in Chinese capitals (中文大写, as on the slip the client signs) — and
 * confirms it with a click. The focus starts on 取消: the Enter that submitted the form, or a
 * second one, never confirms; confirming takes the button itself.
 */
export const AmountConfirmDialog = ({
    open,
    title,
    titleArgs,
    facts,
    amountLabel,
    amount,
    currency = 'CNY',
    confirmLabel,
    confirmColor = 'primary',
    pending,
    onConfirm,
    onCancel,
}: AmountConfirmDialogProps) => {
    const translate = useTranslate();
    return (
        <Dialog open={open} onClose={pending ? undefined : onCancel} maxWidth="sm" fullWidth>
            <DialogTitle>{translate(title, titleArgs)}</DialogTitle>
            <DialogContent>
                <Box
                    component="dl"
                    sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
                >
                    {facts.map((f) => (
                        <Box key={f.label} sx={{ display: 'contents' }}>
                            <Typography component="dt" color="text.secondary">
                                {translate(f.label)}
                            </Typography>
                            <Typography component="dd" sx={{ m: 0 }}>
                                {f.value}
                            </Typography>
                        </Box>
                    ))}
                </Box>
                <Box sx={{ mt: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'action.hover' }}>
                    <Typography variant="body2" color="text.secondary">
                        {translate(amountLabel)}
                    </Typography>
                    <Typography
                        variant="h4"
                        component="p"
                        data-testid="confirm-amount"
                        sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}
                    >
                        {formatMoney(amount)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                        {translate('ledger.confirm.words')}
                    </Typography>
                    <Typography variant="h6" component="p" data-testid="confirm-amount-words" sx={{ fontWeight: 600 }}>
                        {amountInWords(amount, currency) ?? formatMoney(amount)}
                    </Typography>
                </Box>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
                    {translate('ledger.confirm.hint')}
                </Typography>
            </DialogContent>
            <DialogActions>
                {/* the focus starts here: Enter cancels, it never confirms by itself */}
                <Button onClick={onCancel} disabled={pending} autoFocus>
                    {translate('ledger.confirm.cancel')}
                </Button>
                <Button variant="contained" color={confirmColor} onClick={onConfirm} disabled={pending}>
                    {translate(confirmLabel)}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
