import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import { Alert, Box, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../fund_accounts/money';
import { FeeTable } from './FeeTable';
import { availableCash, type OrderEstimate, type OrderSide } from './orderLogic';
import { SecurityQuote } from './SecurityQuote';

interface EstimatePanelProps {
    side: OrderSide;
    /** the estimate for what is on screen, or the last one (stale) while the next is on its way */
    estimate?: OrderEstimate;
    stale: boolean;
    pending: boolean;
    /** a 400 of the estimate that names no input on the form */
    message?: string;
    quantity: number | null;
    onPickPrice: (price: string) => void;
    /** the way to open the missing shareholder account, shown with that problem */
    shareholderAction?: ReactNode;
}

/**
 * What the order would do, refreshed as the clerk types: security and band, cash or shares, fees,
 * freeze, and the problem in the server's words. Everything comes from the estimate.
 */
export const EstimatePanel = ({
    side,
    estimate,
    stale,
    pending,
    message,
    quantity,
    onPickPrice,
    shareholderAction,
}: EstimatePanelProps) => {
    const translate = useTranslate();
    return (
        <Box sx={{ position: 'relative' }}>
            <Box sx={{ height: 4, mb: 1 }}>{pending && <LinearProgress />}</Box>
            {!estimate && !message && (
                <Typography color="text.secondary">{translate('counter.estimate.empty')}</Typography>
            )}
            {message && !estimate && <Alert severity="error">{message}</Alert>}
            {estimate && <SecurityQuote security={estimate.security} band={estimate.band} onPickPrice={onPickPrice} />}
            {estimate && (
                <Box sx={{ opacity: stale ? 0.5 : 1, transition: 'opacity 0.2s' }}>
                    <Divider sx={{ my: 1.5 }} />
                    <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        {side === 'buy' ? (
                            <>
                                <Fact
                                    label="counter.estimate.available_cash"
                                    value={formatMoney(availableCash(estimate.cash))}
                                    strong
                                />
                                <Fact label="counter.estimate.balance" value={formatMoney(estimate.cash.balance)} />
                                <Fact label="counter.estimate.frozen" value={formatMoney(estimate.cash.frozen)} />
                            </>
                        ) : (
                            <Fact
                                label="counter.estimate.sellable"
                                value={estimate.sellable.toLocaleString('en-US')}
                                strong
                            />
                        )}
                        <Fact
                            label="counter.estimate.shareholder_account"
                            value={estimate.shareholder_account ?? translate('counter.estimate.none')}
                        />
                    </Stack>
                    {estimate.fees && (
                        <>
                            <Typography variant="subtitle2" sx={{ mt: 2 }}>
                                {translate('counter.fees.title')}
                            </Typography>
                            <FeeTable fees={estimate.fees} side={side} />
                            <Stack direction="row" spacing={3} sx={{ mt: 1.5 }}>
                                {side === 'buy' ? (
                                    <Fact
                                        label="counter.estimate.freeze_cash"
                                        value={formatMoney(estimate.freeze)}
                                        strong
                                    />
                                ) : (
                                    <Fact
                                        label="counter.estimate.freeze_shares"
                                        value={quantity !== null ? quantity.toLocaleString('en-US') : '-'}
                                        strong
                                    />
                                )}
                            </Stack>
                        </>
                    )}
                    {/* the problem as the server words it; "all checks passed" only for a whole order */}
                    {!stale && (estimate.problem || estimate.fees) && (
                        <Box sx={{ mt: 1.5 }}>
                            {estimate.problem ? (
                                <Alert
                                    severity="error"
                                    role="alert"
                                    action={
                                        estimate.problem === 'no_shareholder_account' ? shareholderAction : undefined
                                    }
                                >
                                    {estimate.problem_text ?? estimate.problem}
                                </Alert>
                            ) : (
                                <Alert severity="success" icon={<CheckCircleOutlineIcon />}>
                                    {translate('counter.problems.none')}
                                </Alert>
                            )}
                        </Box>
                    )}
                </Box>
            )}
        </Box>
    );
};

const Fact = ({ label, value, strong }: { label: string; value: ReactNode; strong?: boolean }) => {
    const translate = useTranslate();
    return (
        <Box>
            <Typography variant="caption" color="text.secondary" component="div">
                {translate(label)}
            </Typography>
            <Typography
                variant={strong ? 'subtitle1' : 'body2'}
                sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}
            >
                {value}
            </Typography>
        </Box>
    );
};
