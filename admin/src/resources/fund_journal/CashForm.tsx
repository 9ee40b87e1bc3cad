import PaymentsIcon from '@mui/icons-material/Payments';
import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
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
import { AmountConfirmDialog } from '../fund_accounts/AmountConfirmDialog';
import { amountInWords } from '../fund_accounts/amountWords';
import { aboveConfirmLine, amountProblem, formatMoney, normalizeAmount } from '../fund_accounts/money';
import { BankInput } from './BankInput';
import { newIdempotencyKey } from './idempotency';
import { useConfirmLine } from './useConfirmLine';
import { VoucherButton } from './VoucherButton';
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

interface Posted {
    entry: RaRecord;
    values: PostingForm;
}

/**
 * 存取款 at the counter. Each form instance carries one idempotency key, so a double click or a
 * retry after a lost answer posts once; after a successful post the form starts over (new
 * instance, new key), keeping the type and bank for the next slip. The last posting stays
 * announced under the form with its voucher (打印凭证) until the next one.
 */
export const CashForm = (props: CashFormProps) => {
    const [round, setRound] = useState(0);
    const [defaults, setDefaults] = useState<PostingForm>({ type: 'deposit', freeze_kind: 'same_day' });
    const [last, setLast] = useState<Posted | null>(null);
    const translate = useTranslate();
    const posted = (values: PostingForm, entry: RaRecord) => {
        setDefaults({ type: values.type, bank_code: values.bank_code, freeze_kind: values.freeze_kind ?? 'same_day' });
        setLast({ entry, values });
        setRound((r) => r + 1);
    };
    return (
        <Stack spacing={2}>
            <CashFormInstance key={round} {...props} defaults={defaults} onPosted={posted} />
            {last && (
                <Alert
                    severity="success"
                    data-testid="cash-posted"
                    action={<VoucherButton entryId={last.entry.id} />}
                    onClose={() => setLast(null)}
                >
                    {translate('ledger.cash.posted', {
                        type: translate(journalTypeLabel(String(last.values.type))),
                        amount: formatMoney(normalizeAmount(last.values.amount)),
                        id: last.entry.id,
                    })}
                </Alert>
            )}
        </Stack>
    );
};

type FieldErrors = Record<string, unknown>;

/** Hands the form's setError to the code outside it (a confirmed posting's server errors go beside the inputs). */
const FormErrors = ({ bind }: { bind: (setError: (field: string, message: string) => void) => void }) => {
    const { setError } = useFormContext();
    bind((field, message) => setError(field, { type: 'server', message }));
    return null;
};

const CashFormInstance = ({
    account,
    outflowAllowed,
    defaults,
    onPosted,
}: CashFormProps & { defaults: PostingForm; onPosted: (values: PostingForm, entry: RaRecord) => void }) => {
    const [idempotencyKey] = useState(newIdempotencyKey);
    const dataProvider = useDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const confirmLine = useConfirmLine();
    const [confirming, setConfirming] = useState<PostingForm | null>(null);
    const [saving, setSaving] = useState(false);
    const setError = useRef<(field: string, message: string) => void>(() => undefined);
    const choices = POSTING_TYPE_CHOICES.map((c) => ({ ...c, disabled: !outflowAllowed && isOutflow(c.id) }));

    const post = async (values: PostingForm): Promise<FieldErrors | undefined> => {
        setSaving(true);
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
            onPosted(values, data);
            refresh();
        } catch (error) {
            // A 400 names the field (amount: "可取资金不足"); returning the errors puts them under the inputs.
            const message = errorText(error, INPUT_FIELDS);
            notify(message, { type: 'error', messageArgs: { _: message } });
            // 409: this key already posted another request (its answer was lost): show what landed.
            if ((error as { status?: number }).status === 409) refresh();
            const errors = (error as { body?: { errors?: FieldErrors } }).body?.errors;
            if (errors) return errors;
        } finally {
            setSaving(false);
        }
        return undefined;
    };

    // Enter submits the form like the button does; above the line either only opens the confirmation
    const submit = async (values: PostingForm) => {
        if (aboveConfirmLine(values.amount, confirmLine)) {
            setConfirming(values);
            return undefined;
        }
        return post(values);
    };

    const confirm = async () => {
        const values = confirming;
        if (!values) return;
        const errors = await post(values);
        setConfirming(null);
        for (const [field, message] of Object.entries(errors ?? {}))
            if (typeof message === 'string') setError.current(field, message);
    };

    return (
        <Card variant="outlined">
            <CardContent>
                <Form
                    onSubmit={submit as (values: Record<string, any>) => Promise<any>}
                    defaultValues={{ ...defaults, amount: '', reference: '' }}
                >
                    <FormErrors bind={(fn) => (setError.current = fn)} />
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
                                    <AmountWordsHint amount={formData.amount} currency={String(account.currency)} />
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
            {confirming && (
                <AmountConfirmDialog
                    open
                    title="ledger.confirm.title"
                    titleArgs={{ type: translate(journalTypeLabel(String(confirming.type))) }}
                    facts={[
                        { label: 'resources.fund_journal.fields.account_no', value: account.account_no },
                        {
                            label: 'resources.fund_journal.fields.client_id',
                            value: `${account.client_name ?? ''}（${account.client_no ?? ''}）`,
                        },
                        {
                            label: 'resources.fund_journal.fields.type',
                            value: translate(journalTypeLabel(String(confirming.type))),
                        },
                        ...(confirming.reference?.trim()
                            ? [{ label: 'resources.fund_journal.fields.reference', value: confirming.reference.trim() }]
                            : []),
                    ]}
                    amountLabel="ledger.cash.amount"
                    amount={normalizeAmount(confirming.amount)}
                    currency={String(account.currency ?? 'CNY')}
                    confirmLabel="ledger.confirm.submit"
                    confirmColor={isOutflow(confirming.type) ? 'error' : 'primary'}
                    pending={saving}
                    onConfirm={confirm}
                    onCancel={() => setConfirming(null)}
                />
            )}
        </Card>
    );
};

/** The amount as typed, in Chinese capitals under the input (as the slip will show it). */
const AmountWordsHint = ({ amount, currency }: { amount?: string; currency: string }) => {
    const words = amountProblem(amount) ? null : amountInWords(normalizeAmount(amount), currency);
    return (
        <Typography variant="body2" color="text.secondary" data-testid="amount-words" sx={{ minHeight: 20, mb: 1 }}>
            {words ?? ''}
        </Typography>
    );
};
