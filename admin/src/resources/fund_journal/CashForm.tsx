import PaymentsIcon from '@mui/icons-material/Payments';
import { Card, CardContent, Stack } from '@mui/material';
import { useState } from 'react';
import {
    Form,
    FormDataConsumer,
    RadioButtonGroupInput,
    SaveButton,
    SelectInput,
    TextInput,
    maxLength,
    required,
    useDataProvider,
    useNotify,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { errorText } from '../clients/serverError';
import { amountProblem, formatMoney, normalizeAmount } from '../fund_accounts/money';
import { BankInput } from './BankInput';
import { newIdempotencyKey } from './idempotency';
import {
    FREEZE_KIND_CHOICES,
    POSTING_TYPE_CHOICES,
    isOutflow,
    journalTypeLabel,
    needsBank,
    needsFreezeKind,
    toPosting,
    type PostingForm,
} from './journalTypes';

/** Inputs of the form: a server message for one of these shows beside it, any other is notified. */
const INPUT_FIELDS = ['type', 'amount', 'reference', 'bank_code', 'freeze_kind'] as const;

const validateAmount = [(value: unknown) => amountProblem(value)];

interface CashFormProps {
    account: RaRecord;
    /** false while the client is frozen, lost or closed: no cash may leave */
    outflowAllowed: boolean;
}

/**
 * 存取款 at the counter. Each form instance carries one idempotency key, so a double click or a
 * retry after a lost answer posts once; after a successful post the form starts over (new
 * instance, new key), keeping the type and bank for the next slip.
 */
export const CashForm = (props: CashFormProps) => {
    const [round, setRound] = useState(0);
    const [defaults, setDefaults] = useState<PostingForm>({ type: 'deposit', freeze_kind: 'same_day' });
    const posted = (values: PostingForm) => {
        setDefaults({ type: values.type, bank_code: values.bank_code, freeze_kind: values.freeze_kind ?? 'same_day' });
        setRound((r) => r + 1);
    };
    return <CashFormInstance key={round} {...props} defaults={defaults} onPosted={posted} />;
};

const CashFormInstance = ({
    account,
    outflowAllowed,
    defaults,
    onPosted,
}: CashFormProps & { defaults: PostingForm; onPosted: (values: PostingForm) => void }) => {
    const [idempotencyKey] = useState(newIdempotencyKey);
    const dataProvider = useDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const choices = POSTING_TYPE_CHOICES.map((c) => ({ ...c, disabled: !outflowAllowed && isOutflow(c.id) }));

    const submit = async (values: PostingForm) => {
        try {
            const { data } = await dataProvider.create('fund_journal', {
                data: toPosting(values, Number(account.id), idempotencyKey),
            });
            notify('ledger.cash.posted', {
                type: 'success',
                messageArgs: {
                    type: translate(journalTypeLabel(String(values.type))),
                    amount: formatMoney(normalizeAmount(values.amount)),
                    id: data.id,
                },
            });
            onPosted(values);
            refresh();
        } catch (error) {
            // A 400 names the field (amount: "可取资金不足"); returning the errors puts them under the inputs.
            const message = errorText(error, INPUT_FIELDS);
            notify(message, { type: 'error', messageArgs: { _: message } });
            // 409: this key already posted another request (its answer was lost): show what landed.
            if ((error as { status?: number }).status === 409) refresh();
            const errors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
            if (errors) return errors;
        }
    };

    return (
        <Card variant="outlined">
            <CardContent>
                <Form
                    onSubmit={submit as (values: Record<string, any>) => Promise<any>}
                    defaultValues={{ ...defaults, amount: '', reference: '' }}
                >
                    <Stack spacing={0} sx={{ maxWidth: 480 }}>
                        <SelectInput source="type" choices={choices} validate={required()} />
                        <TextInput
                            source="amount"
                            label="ledger.cash.amount"
                            validate={validateAmount}
                            helperText="ledger.cash.helper_amount"
                            autoFocus
                            autoComplete="off"
                            slotProps={{
                                htmlInput: {
                                    inputMode: 'decimal',
                                    style: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
                                },
                            }}
                        />
                        <FormDataConsumer<PostingForm>>
                            {({ formData }) => (
                                <>
                                    {needsBank(formData.type) && <BankInput />}
                                    {needsFreezeKind(formData.type) && (
                                        <RadioButtonGroupInput
                                            source="freeze_kind"
                                            choices={FREEZE_KIND_CHOICES}
                                            validate={required()}
                                            helperText={
                                                formData.type === 'unfreeze' ? 'ledger.cash.helper_unfreeze' : false
                                            }
                                        />
                                    )}
                                </>
                            )}
                        </FormDataConsumer>
                        <TextInput
                            source="reference"
                            validate={maxLength(100)}
                            helperText="ledger.cash.helper_reference"
                        />
                        <Stack direction="row" sx={{ pt: 1 }}>
                            <SaveButton label="ledger.cash.submit" icon={<PaymentsIcon />} />
                        </Stack>
                    </Stack>
                </Form>
            </CardContent>
        </Card>
    );
};
