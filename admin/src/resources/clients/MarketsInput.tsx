import { CheckboxGroupInput, useLocaleState, useTranslate } from 'react-admin';
import type { ShareholderMarket } from '../shareholder_accounts/useShareholderMarkets';

/**
 * 开户 · 股东账户: the markets whose shareholder accounts are opened with the client, from the
 * markets table (沪A and 深A ticked by default); nothing is shown to an operator who may not open
 * shareholder accounts.
 */
export const MarketsInput = ({ markets }: { markets: ShareholderMarket[] }) => {
    const [locale] = useLocaleState();
    const translate = useTranslate();
    if (!markets.length) return null;
    const choices = markets.map((m) => ({
        id: m.code,
        name: translate('resources.clients.helper.market_choice', {
            name: locale === 'en' ? m.name_en : m.name_zh,
            code: m.code,
        }),
    }));
    return (
        <CheckboxGroupInput
            source="markets"
            choices={choices}
            translateChoice={false}
            helperText="resources.clients.helper.markets"
        />
    );
};
