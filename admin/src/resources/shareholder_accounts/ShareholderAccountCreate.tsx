import {
    AutocompleteInput,
    Create,
    FormDataConsumer,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    TextInput,
    required,
} from 'react-admin';
import { MARKET_CHOICES, codeHintKey, normalizeShareholderCode, shareholderCodeProblem } from './shareholderCode';

const validateCode = [
    (value: unknown, values: Record<string, unknown>) => shareholderCodeProblem(values.market, value),
];

/** The fields POST /api/shareholder_accounts accepts. */
const toShareholderAccount = (data: Record<string, any>) => ({
    client_id: data.client_id,
    market: data.market,
    code: normalizeShareholderCode(data.code),
});

/** 开股东账户: the code the exchange assigned, checked against the market's format before sending. */
export const ShareholderAccountCreate = () => (
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
                        helperText={codeHintKey(formData.market)}
                        autoComplete="off"
                        parse={normalizeShareholderCode}
                    />
                )}
            </FormDataConsumer>
        </SimpleForm>
    </Create>
);
