import {
    AutocompleteInput,
    Create,
    FormDataConsumer,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    TextInput,
    required,
    useTranslate,
} from 'react-admin';
import { MARKET_CHOICES, codeHintKey, normalizeShareholderCode, shareholderCodeProblem } from './shareholderCode';

// empty: the console assigns the code (as 开户 does); typed: it must fit the market's format
const validateCode = [
    (value: unknown, values: Record<string, unknown>) =>
        normalizeShareholderCode(value) ? shareholderCodeProblem(values.market, value) : undefined,
];

/** The fields POST /api/shareholder_accounts accepts; no code asks the server to assign one. */
const toShareholderAccount = (data: Record<string, any>) => {
    const code = normalizeShareholderCode(data.code);
    return { client_id: data.client_id, market: data.market, ...(code ? { code } : {}) };
};

/**
 * 开股东账户: the code the exchange assigned, checked against the market's format before sending,
 * or none — the console assigns one in the market's format, as 开户 does.
 */
export const ShareholderAccountCreate = () => {
    const translate = useTranslate();
    return (
        <Create transform={toShareholderAccount} redirect="list">
            <SimpleForm defaultValues={{ market: 'SH-A' }}>
                <ReferenceInput source="client_id" reference="clients">
                    <AutocompleteInput validate={required()} sx={{ minWidth: 360 }} />
                </ReferenceInput>
                <SelectInput source="market" choices={MARKET_CHOICES} validate={required()} />
                <FormDataConsumer<{ market?: string }>>
                    {({ formData }) => (
                        <TextInput
                            source="code"
                            validate={validateCode}
                            helperText={translate('resources.shareholder_accounts.open.code_helper', {
                                hint: translate(codeHintKey(formData.market)),
                            })}
                            autoComplete="off"
                            parse={normalizeShareholderCode}
                        />
                    )}
                </FormDataConsumer>
            </SimpleForm>
        </Create>
    );
};
