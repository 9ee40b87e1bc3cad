import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatPrice, priceBand, trimDecimal } from './decimal';

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
 * 证券: name, previous close and the daily band (涨跌停价, computed like the server: prev close ±
 * limit, half-up to the tick), lot and tick. Clicking a price puts it in the price input.
 */
export const SecurityQuote = ({
    security,
    onPickPrice,
}: {
    security: QuoteFacts;
    onPickPrice?: (price: string) => void;
}) => {
    const translate = useTranslate();
    const band = priceBand(security.prev_close, security.price_limit_pct, security.tick);
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
                    pct: trimDecimal(security.price_limit_pct),
                    lot: security.lot_size,
                    tick: formatPrice(security.tick, security.tick),
                })}
            </Typography>
        </Box>
    );
};
