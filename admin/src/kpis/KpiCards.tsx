import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMoney } from '../resources/fund_accounts/money';
import type { Figures, Params, Summary } from './kpiApi';
import { KpiExportButton } from './KpiExportButton';
import { formatBp, formatCount, formatPermille, formatSignedCount, percentChange, type Change } from './kpiFormat';

type Key = keyof Figures;

interface CardDef {
    id: string;
    label: string;
    key: Key;
    format: 'money' | 'bp' | 'permille' | 'count' | 'signed';
    sub?: (f: Figures) => string;
    /** columns the card spans in the business row */
    span?: number;
}

/** Up in red, down in green in Chinese (the market's colours), the other way round in English. */
const changeColor = (change: Change | null, locale: string): string => {
    if (!change || change.sign === 0) return 'text.secondary';
    const up = change.sign > 0;
    return locale.startsWith('zh') === up ? 'error.main' : 'success.main';
};

const ChangeLine = ({ label, change, locale }: { label: string; change: Change | null; locale: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="caption" component="span" sx={{ whiteSpace: 'nowrap' }}>
            <Box component="span" sx={{ color: 'text.secondary', mr: 0.5 }}>
                {label}
            </Box>
            <Box component="span" sx={{ color: changeColor(change, locale), fontVariantNumeric: 'tabular-nums' }}>
                {change ? change.text : translate('kpis.no_compare')}
            </Box>
        </Typography>
    );
};

/**
 * The period's KPI figures, one card each, with 环比 (against the previous period) and 同比 (a year
 * ago); `exportParams` (the summary's query) adds 导出 Excel of the figures and both comparisons.
 */
export const KpiCards = ({ summary, exportParams }: { summary: Summary; exportParams?: Params }) => {
    const translate = useTranslate();
    const [locale = 'zh'] = useLocaleState();
    const yuan = translate('kpis.unit_yuan');
    const cards: CardDef[] = [
        {
            id: 'turnover',
            label: 'kpis.cards.turnover',
            key: 'turnover',
            format: 'money',
            sub: (f) => translate('kpis.cards.market_turnover', { value: `${formatMoney(f.market_turnover)} ${yuan}` }),
        },
        { id: 'market_share', label: 'kpis.cards.market_share', key: 'market_share_bp', format: 'bp' },
        { id: 'commission', label: 'kpis.cards.commission', key: 'commission', format: 'money' },
        { id: 'net_commission', label: 'kpis.cards.net_commission', key: 'net_commission', format: 'money' },
        {
            id: 'commission_rate',
            label: 'kpis.cards.commission_rate',
            key: 'commission_rate_permille',
            format: 'permille',
        },
        {
            id: 'client_assets',
            label: 'kpis.cards.client_assets',
            key: 'client_assets',
            format: 'money',
            span: 2,
            sub: (f) =>
                translate('kpis.cards.cash_and_value', {
                    cash: formatMoney(f.cash),
                    value: formatMoney(f.market_value),
                }),
        },
        { id: 'net_inflow', label: 'kpis.cards.net_inflow', key: 'net_inflow', format: 'money' },
        { id: 'accounts_total', label: 'kpis.cards.accounts_total', key: 'accounts_total', format: 'count' },
        { id: 'accounts_new', label: 'kpis.cards.accounts_new', key: 'accounts_new', format: 'count' },
        { id: 'accounts_closed', label: 'kpis.cards.accounts_closed', key: 'accounts_closed', format: 'count' },
        { id: 'accounts_net', label: 'kpis.cards.accounts_net', key: 'accounts_net', format: 'signed' },
        { id: 'accounts_active', label: 'kpis.cards.accounts_active', key: 'accounts_active', format: 'count' },
        { id: 'accounts_dormant', label: 'kpis.cards.accounts_dormant', key: 'accounts_dormant', format: 'count' },
    ];
    const show = (def: CardDef, value: unknown): { text: string; unit?: string } => {
        switch (def.format) {
            case 'money':
                return { text: formatMoney(value), unit: yuan };
            case 'bp':
                return { text: formatBp(value, locale) };
            case 'permille':
                return { text: formatPermille(value) };
            case 'signed':
                return { text: formatSignedCount(value), unit: translate('kpis.unit_clients') };
            default:
                return { text: formatCount(value), unit: translate('kpis.unit_clients') };
        }
    };
    const f = summary.figures;
    const card = (def: CardDef) => {
        const { text, unit } = show(def, f[def.key]);
        return (
            <Card
                key={def.id}
                variant="outlined"
                data-testid={`kpi-card-${def.id}`}
                sx={{ gridColumn: def.span ? { md: `span ${def.span}` } : undefined }}
            >
                <CardContent sx={{ p: 1.5, pb: '10px !important' }}>
                    <Typography variant="body2" color="text.secondary" noWrap>
                        {translate(def.label)}
                    </Typography>
                    <Stack direction="row" spacing={0.5} sx={{ my: 0.25, alignItems: 'baseline' }}>
                        <Typography
                            variant="h6"
                            data-testid="kpi-value"
                            sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, lineHeight: 1.3 }}
                        >
                            {text || '—'}
                        </Typography>
                        {unit && text && (
                            <Typography variant="caption" color="text.secondary">
                                {unit}
                            </Typography>
                        )}
                    </Stack>
                    {def.sub && (
                        <Typography variant="caption" color="text.secondary" component="div" noWrap title={def.sub(f)}>
                            {def.sub(f)}
                        </Typography>
                    )}
                    <Stack direction="row" sx={{ columnGap: 1.5, flexWrap: 'wrap' }}>
                        <ChangeLine
                            label={translate('kpis.mom')}
                            change={percentChange(f[def.key], summary.previous_figures?.[def.key])}
                            locale={locale}
                        />
                        <ChangeLine
                            label={translate('kpis.yoy')}
                            change={percentChange(f[def.key], summary.year_ago_figures?.[def.key])}
                            locale={locale}
                        />
                    </Stack>
                </CardContent>
            </Card>
        );
    };
    const business = cards.filter((c) => !c.key.startsWith('accounts_'));
    const accounts = cards.filter((c) => c.key.startsWith('accounts_'));
    return (
        <Stack spacing={1.5} data-testid="kpi-cards">
            {exportParams && (
                <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: -1 }}>
                    <KpiExportButton table="summary" params={exportParams} />
                </Stack>
            )}
            <Box
                sx={{
                    display: 'grid',
                    gap: 1.5,
                    gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
                }}
            >
                {business.map(card)}
            </Box>
            <Box
                sx={{
                    display: 'grid',
                    gap: 1.5,
                    gridTemplateColumns: { xs: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)', lg: 'repeat(6, 1fr)' },
                }}
            >
                {accounts.map(card)}
            </Box>
        </Stack>
    );
};
