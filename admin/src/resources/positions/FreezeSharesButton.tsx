import AcUnitIcon from '@mui/icons-material/AcUnit';
import {
    Alert,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
    Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import {
    Button,
    useCanAccess,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { newIdempotencyKey } from '../fund_journal/idempotency';
import { transferQuantityProblem } from './positionLogic';

type FreezeType = 'freeze' | 'unfreeze';

/** 证券冻结 / 解冻 on one holding (POST /api/positions/freeze), with the reason on record. */
export const FreezeSharesButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'positions', action: 'create' });
    const [open, setOpen] = useState(false);
    if (!record || !canAccess || !(Number(record.quantity) > 0)) return null;
    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row (dialogs render in a portal, React events still bubble); the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label="resources.positions.actions.freeze" onClick={() => setOpen(true)}>
                <AcUnitIcon />
            </Button>
            {/* a new dialog instance (and idempotency key) each time it opens */}
            {open && <FreezeDialog record={record} onClose={() => setOpen(false)} />}
        </span>
    );
};

const FreezeDialog = ({ record, onClose }: { record: RaRecord; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [idempotencyKey] = useState(newIdempotencyKey);
    const [type, setType] = useState<FreezeType>('freeze');
    const [quantity, setQuantity] = useState('');
    const [reason, setReason] = useState('');
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [message, setMessage] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);
    const quantityKey = quantity ? transferQuantityProblem(quantity) : undefined;

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!quantity || quantityKey || !reason.trim()) return;
        setSaving(true);
        try {
            const { json } = await httpClient(`${API_URL}/positions/freeze`, {
                method: 'POST',
                body: JSON.stringify({
                    position_id: Number(record.id),
                    type,
                    quantity: Number(quantity.replace(/[\s,，]/g, '')),
                    reason: reason.trim(),
                    idempotency_key: idempotencyKey,
                }),
            });
            notify('resources.positions.freeze.done', {
                type: 'success',
                messageArgs: {
                    type: translate(`resources.positions.freeze.types.${type}`),
                    code: record.code,
                    frozen: Number((json as { frozen: number }).frozen).toLocaleString('en-US'),
                },
            });
            refresh();
            onClose();
        } catch (error) {
            const fields =
                (error as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields ?? {};
            setErrors(fields);
            const other = Object.entries(fields).filter(([k]) => k !== 'quantity' && k !== 'reason');
            setMessage(
                other.length
                    ? other.map(([, v]) => v).join('；')
                    : Object.keys(fields).length
                      ? null
                      : (error as Error).message,
            );
        } finally {
            setSaving(false);
        }
    };

    return (
        <Dialog open onClose={saving ? undefined : onClose} maxWidth="xs" fullWidth>
            <form onSubmit={submit} noValidate>
                <DialogTitle>
                    {translate('resources.positions.freeze.title', { code: record.code, name: record.name ?? '' })}
                </DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Typography variant="body2" color="text.secondary">
                            {translate('resources.positions.freeze.facts', {
                                sellable: Number(record.sellable).toLocaleString('en-US'),
                                frozen: Number(record.frozen).toLocaleString('en-US'),
                            })}
                        </Typography>
                        <ToggleButtonGroup
                            exclusive
                            fullWidth
                            size="small"
                            value={type}
                            onChange={(_, v: FreezeType | null) => v && setType(v)}
                        >
                            <ToggleButton value="freeze">
                                {translate('resources.positions.freeze.types.freeze')}
                            </ToggleButton>
                            <ToggleButton value="unfreeze">
                                {translate('resources.positions.freeze.types.unfreeze')}
                            </ToggleButton>
                        </ToggleButtonGroup>
                        <TextField
                            autoFocus
                            label={translate('resources.positions.freeze.quantity')}
                            value={quantity}
                            onChange={(e) => {
                                setQuantity(e.target.value);
                                setErrors({});
                            }}
                            error={!!quantityKey || !!errors.quantity}
                            helperText={errors.quantity ?? (quantityKey ? translate(quantityKey) : ' ')}
                            slotProps={{
                                htmlInput: { inputMode: 'numeric', autoComplete: 'off', style: { textAlign: 'right' } },
                            }}
                        />
                        <TextField
                            label={translate('resources.positions.freeze.reason')}
                            value={reason}
                            onChange={(e) => setReason(e.target.value)}
                            error={!!errors.reason}
                            helperText={errors.reason ?? translate('resources.positions.freeze.reason_helper')}
                            slotProps={{ htmlInput: { maxLength: 200 } }}
                        />
                        {message && <Alert severity="error">{message}</Alert>}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={saving} />
                    <Button
                        label="ra.action.confirm"
                        type="submit"
                        variant="contained"
                        disabled={saving || !quantity || !!quantityKey || !reason.trim()}
                    />
                </DialogActions>
            </form>
        </Dialog>
    );
};
