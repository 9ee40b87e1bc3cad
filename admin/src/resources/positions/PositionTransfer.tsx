import MoveDownIcon from '@mui/icons-material/MoveDown';
import { Alert, Card, CardContent, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
    AutocompleteInput,
    Form,
    FormDataConsumer,
    ListButton,
    RadioButtonGroupInput,
    ReferenceInput,
    SaveButton,
    SelectInput,
    TextInput,
    Title,
    TopToolbar,
    required,
    useRequireAccess,
    useNotify,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText } from '../clients/serverError';
import { newIdempotencyKey } from '../fund_journal/idempotency';
import {
    TRANSFER_TYPE_CHOICES,
    costProblem,
    toTransfer,
    transferQuantityProblem,
    type TransferForm,
} from './positionLogic';

const INPUT_FIELDS = ['shareholder_account_id', 'code', 'type', 'quantity', 'cost'] as const;
const validateQuantity = [(value: unknown) => transferQuantityProblem(value)];
const validateCost = [(value: unknown) => costProblem(value)];
const holderText = (h: RaRecord) => `${h.market} ${h.code}${h.status === 'active' ? '' : ` (${h.status})`}`;

/**
 * 转托管 (/positions/create): securities transferred into the branch from another broker, or out
 * to one, journalled in the position journal. A transfer out takes only sellable shares. One
 * idempotency key per form instance; after a success the form starts over with a new one.
 */
export const PositionTransfer = () => {
    const { isPending } = useRequireAccess({ resource: 'positions', action: 'create' });
    const [round, setRound] = useState(0);
    const [defaults, setDefaults] = useState<TransferForm>({ type: 'transfer_in', cost: '' });
    const [last, setLast] = useState<string | null>(null);
    if (isPending) return null;
    return (
        <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
            <Title title="resources.positions.transfer.title" />
            <TopToolbar sx={{ justifyContent: 'flex-start', p: 0, minHeight: 0 }}>
                <ListButton />
            </TopToolbar>
            {last && (
                <Alert severity="success" onClose={() => setLast(null)}>
                    {last}
                </Alert>
            )}
            <TransferFormInstance
                key={round}
                defaults={defaults}
                onDone={(values, message) => {
                    // the next slip is often for the same client and account
                    setDefaults({
                        client_id: values.client_id,
                        shareholder_account_id: values.shareholder_account_id,
                        type: values.type,
                        cost: '',
                    });
                    setLast(message);
                    setRound((r) => r + 1);
                }}
            />
        </Stack>
    );
};

const TransferFormInstance = ({
    defaults,
    onDone,
}: {
    defaults: TransferForm;
    onDone: (values: TransferForm, message: string) => void;
}) => {
    const [idempotencyKey] = useState(newIdempotencyKey);
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();

    const submit = async (values: TransferForm) => {
        try {
            const { json } = await httpClient(`${API_URL}/positions/transfer`, {
                method: 'POST',
                body: JSON.stringify(toTransfer(values, idempotencyKey)),
            });
            const message = translate('resources.positions.transfer.done', {
                type: translate(`resources.positions.transfer.types.${values.type}`),
                code: String(values.code ?? '').trim(),
                quantity: Number((json as { quantity: number }).quantity).toLocaleString('en-US'),
            });
            notify(message, { type: 'success', messageArgs: { _: message } });
            refresh();
            onDone(values, message);
        } catch (error) {
            const message = errorText(error, INPUT_FIELDS);
            notify(message, { type: 'error', messageArgs: { _: message } });
            const errors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
            if (errors) return errors;
        }
    };

    return (
        <Card variant="outlined">
            <CardContent>
                <Form
                    onSubmit={submit as (values: Record<string, any>) => Promise<any>}
                    defaultValues={{ ...defaults, code: '', quantity: '' }}
                >
                    <Stack spacing={0} sx={{ maxWidth: 480 }}>
                        <RadioButtonGroupInput
                            source="type"
                            label="resources.positions.transfer.type"
                            choices={TRANSFER_TYPE_CHOICES}
                            validate={required()}
                        />
                        <ReferenceInput source="client_id" reference="clients">
                            <AutocompleteInput label="resources.positions.fields.client_id" validate={required()} />
                        </ReferenceInput>
                        <HolderInput />
                        <TextInput
                            source="code"
                            label="resources.positions.fields.code"
                            validate={required()}
                            helperText="counter.order.code_helper"
                            autoComplete="off"
                        />
                        <TextInput
                            source="quantity"
                            label="resources.positions.transfer.quantity"
                            validate={validateQuantity}
                            autoComplete="off"
                            slotProps={{ htmlInput: { inputMode: 'numeric', style: { textAlign: 'right' } } }}
                        />
                        <FormDataConsumer<TransferForm>>
                            {({ formData }) =>
                                formData.type === 'transfer_out' ? null : (
                                    <TextInput
                                        source="cost"
                                        label="resources.positions.transfer.cost"
                                        validate={validateCost}
                                        helperText="resources.positions.transfer.cost_helper"
                                        autoComplete="off"
                                        slotProps={{
                                            htmlInput: { inputMode: 'decimal', style: { textAlign: 'right' } },
                                        }}
                                    />
                                )
                            }
                        </FormDataConsumer>
                        <Stack direction="row" sx={{ pt: 1 }}>
                            <SaveButton label="resources.positions.transfer.submit" icon={<MoveDownIcon />} />
                        </Stack>
                    </Stack>
                </Form>
            </CardContent>
        </Card>
    );
};

/** The client's shareholder accounts (one per market); empty until a client is chosen. */
const HolderInput = () => {
    const clientId = useWatch({ name: 'client_id' });
    const { getValues, setValue } = useFormContext();
    const first = useRef(clientId);
    useEffect(() => {
        // another client: the account picked for the previous one no longer applies
        if (clientId !== first.current && getValues('shareholder_account_id')) setValue('shareholder_account_id', null);
        first.current = clientId;
    }, [clientId, getValues, setValue]);
    if (!clientId) {
        return (
            <SelectInput
                source="shareholder_account_id"
                label="resources.positions.fields.shareholder_account_id"
                choices={[]}
                disabled
                helperText="resources.positions.transfer.pick_client_first"
            />
        );
    }
    return (
        <ReferenceInput
            source="shareholder_account_id"
            reference="shareholder_accounts"
            filter={{ client_id: clientId }}
            sort={{ field: 'market', order: 'ASC' }}
        >
            <SelectInput
                label="resources.positions.fields.shareholder_account_id"
                optionText={holderText}
                validate={required()}
            />
        </ReferenceInput>
    );
};
