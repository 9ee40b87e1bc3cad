export type TransferType = 'transfer_in' | 'transfer_out';

export const TRANSFER_TYPE_CHOICES = [
    { id: 'transfer_in', name: 'resources.positions.transfer.types.transfer_in' },
    { id: 'transfer_out', name: 'resources.positions.transfer.types.transfer_out' },
];

export interface TransferForm {
    client_id?: number;
    shareholder_account_id?: number;
    code?: string;
    type?: TransferType;
    quantity?: number | string;
    cost?: string;
}

/** The body of POST /api/positions/transfer; a transfer out carries no cost (the server takes it pro rata). */
export const toTransfer = (form: TransferForm, idempotencyKey: string) => ({
    shareholder_account_id: Number(form.shareholder_account_id),
    code: String(form.code ?? '').trim(),
    type: form.type ?? 'transfer_in',
    quantity: Number(String(form.quantity ?? '').replace(/[\s,，]/g, '')),
    ...(form.type === 'transfer_out' ? {} : { cost: String(form.cost ?? '').replace(/[\s,，]/g, '') || '0.00' }),
    idempotency_key: idempotencyKey,
});

/** i18n key of a typing mistake in the cost (a transfer in's book cost, 2 decimals), or undefined. */
export const costProblem = (value: unknown): string | undefined => {
    const text = String(value ?? '').replace(/[\s,，]/g, '');
    if (text === '') return undefined;
    return /^\d{1,12}(\.\d{1,2})?$/.test(text) ? undefined : 'resources.positions.transfer.cost_format';
};

/** i18n key of a typing mistake in the quantity, or undefined. */
export const transferQuantityProblem = (value: unknown): string | undefined => {
    const text = String(value ?? '').replace(/[\s,，]/g, '');
    if (text === '') return 'ra.validation.required';
    return /^\d{1,9}$/.test(text) && Number(text) >= 1 && Number(text) <= 100_000_000
        ? undefined
        : 'counter.validation.quantity_format';
};
