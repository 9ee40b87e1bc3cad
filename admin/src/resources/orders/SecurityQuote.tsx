import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { Decimal } from 'decimal.js';
import { useTranslate } from 'react-admin';
import { formatPrice } from '../fund_accounts/money';

export interface QuoteFacts {
    market: string;
    code: string;
    name: string;
    lot_size: number;
    tick: string;
    prev_close: string;
    price_limit_pct: string;
}

/**
 * 证券: name, previous close and the daily band (涨跌停价, as the estimate gives it: the server
 * checks orders against it), lot and tick. Clicking a price puts it in the price input.
 */
export const SecurityQuote = ({
    security,
    band,
    onPickPrice,
}: {
    security: QuoteFacts;
    band?: { down: string; up: string };
    onPickPrice?: (price: string) => void;
}) => {
    const translate = useTranslate();
    const prev = formatPrice(security.prev_close, security.tick);
    const pick = (label: string, price: string | undefined, color: 'default' | 'error' | 'success') =>
        price ? (
            <Tooltip title={translate('counter.estimate.pick_price')}>
                <Chip
                    size="small"
                    variant="outlined"
                    color={color}
                    label={`${translate(label)} ${price}`}
                    onClick={onPickPrice ? () => onPickPrice(price) : undefined}
                    sx={{ fontVariantNumeric: 'tabular-nums' }}
                />
            </Tooltip>
        ) : null;
    return (
        <Box>
            <Typography variant="h6" component="div">
                {security.name}
                <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                    {translate(`counter.markets.${security.market}`, { _: security.market })} {security.code}
                </Typography>
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
                {pick('counter.estimate.prev_close', prev, 'default')}
                {pick('counter.estimate.limit_down', band?.down, 'success')}
                {pick('counter.estimate.limit_up', band?.up, 'error')}
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
                {translate('counter.estimate.rules', {
                    pct: new Decimal(security.price_limit_pct).toFixed(),
                    lot: security.lot_size,
                    tick: formatPrice(security.tick, security.tick),
                })}
            </Typography>
        </Box>
    );
};
