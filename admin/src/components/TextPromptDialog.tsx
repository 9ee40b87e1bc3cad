import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, useTranslate } from 'react-admin';

/**
 * A dialog that asks for one value (a reason, a new password) and sends it: required, trimmed
 * unless `secret`, the server's refusal shown under the field. What the request is and what
 * follows (a notice, a refresh) are the caller's; the dialog closes when it succeeds.
 */
export function TextPromptDialog<T>({
    title,
    children,
    field,
    submitLabel,
    color,
    maxWidth = 'sm',
    send,
    onSent,
    refusal,
    onClose,
}: {
    title: string;
    /** what the request will do, above the field */
    children: ReactNode;
    field: { name: string; label: string; maxLength?: number; secret?: boolean };
    submitLabel: string;
    color?: 'primary' | 'warning';
    maxWidth?: 'xs' | 'sm';
    send: (value: string) => Promise<T>;
    onSent: (result: T) => void;
    /** the server's reason for refusing, worded for the field (null: none to show there) */
    refusal: (error: unknown) => string | null;
    onClose: () => void;
}) {
    const translate = useTranslate();
    const [value, setValue] = useState('');
    const [problem, setProblem] = useState<string | null>(null);
    const mutation = useMutation({
        mutationFn: send,
        onSuccess: (result) => {
            onSent(result);
            onClose();
        },
        onError: (error) => setProblem(refusal(error)),
    });
    const saving = mutation.isPending;

    const submit = (event: FormEvent) => {
        event.preventDefault();
        // a password is sent as typed; a reason without its surrounding blanks
        const sent = field.secret ? value : value.trim();
        if (!sent) {
            setProblem(translate('ra.validation.required'));
            return;
        }
        mutation.mutate(sent);
    };

    return (
        <Dialog open onClose={saving ? undefined : onClose} maxWidth={maxWidth} fullWidth>
            <form onSubmit={submit} noValidate>
                <DialogTitle>{title}</DialogTitle>
                <DialogContent>
                    {children}
                    <TextField
                        autoFocus
                        fullWidth
                        required={!field.secret}
                        name={field.name}
                        type={field.secret ? 'password' : undefined}
                        autoComplete={field.secret ? 'new-password' : undefined}
                        label={field.label}
                        value={value}
                        slotProps={field.maxLength ? { htmlInput: { maxLength: field.maxLength } } : undefined}
                        onChange={(e) => {
                            setValue(e.target.value);
                            setProblem(null);
                        }}
                        error={!!problem}
                        helperText={problem ?? ' '}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={saving} />
                    <Button label={submitLabel} type="submit" variant="contained" color={color} disabled={saving} />
                </DialogActions>
            </form>
        </Dialog>
    );
}
