import PostAddIcon from '@mui/icons-material/PostAdd';
import {
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    LinearProgress,
    MenuItem,
    TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useCanAccess, useGetIdentity, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';

/** 生成报表包: the package of a closed business date, built again as the next version. */
export const GeneratePackageButton = () => {
    const { canAccess } = useCanAccess({ resource: 'report_packages', action: 'create' });
    const [open, setOpen] = useState(false);
    if (!canAccess) return null;
    return (
        <>
            <Button label="resources.report_packages.generate.button" onClick={() => setOpen(true)}>
                <PostAddIcon />
            </Button>
            {open && <GenerateDialog onClose={() => setOpen(false)} />}
        </>
    );
};

const GenerateDialog = ({ onClose }: { onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const { identity } = useGetIdentity();
    const allBranches = !!identity?.all_branches;
    // head office names the branch; a branch operator builds their own branch's package
    const { data: branches } = useGetList(
        'branches',
        { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } },
        { enabled: allBranches },
    );
    const [date, setDate] = useState('');
    const [branch, setBranch] = useState<string>('');
    const [problem, setProblem] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!date || (allBranches && !branch)) {
            setProblem(translate('ra.validation.required'));
            return;
        }
        setBusy(true);
        try {
            const { json } = await httpClient(`${API_URL}/report_packages`, {
                method: 'POST',
                body: JSON.stringify({ business_date: date, ...(allBranches ? { branch_id: Number(branch) } : {}) }),
            });
            notify('resources.report_packages.generate.done', {
                type: 'success',
                messageArgs: { date: json.business_date, version: json.version, count: json.files.length },
            });
            refresh();
            onClose();
        } catch (error) {
            setProblem(fieldMessage(error, 'business_date') ?? errorText(error, ['business_date']));
            setBusy(false);
        }
    };

    return (
        <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
            <form onSubmit={submit} noValidate>
                <DialogTitle>{translate('resources.report_packages.generate.title')}</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 2 }}>
                        {translate('resources.report_packages.generate.content')}
                    </DialogContentText>
                    {allBranches && (
                        <TextField
                            select
                            fullWidth
                            required
                            name="branch_id"
                            label={translate('resources.report_packages.generate.branch')}
                            value={branch}
                            disabled={busy}
                            onChange={(e) => setBranch(e.target.value)}
                            sx={{ mb: 2 }}
                        >
                            {(branches ?? [])
                                .filter((b) => !b.is_head_office)
                                .map((b) => (
                                    <MenuItem key={b.id} value={String(b.id)}>
                                        {b.name}
                                    </MenuItem>
                                ))}
                        </TextField>
                    )}
                    <TextField
                        autoFocus
                        fullWidth
                        required
                        type="date"
                        name="business_date"
                        label={translate('resources.report_packages.generate.date')}
                        value={date}
                        disabled={busy}
                        slotProps={{ inputLabel: { shrink: true } }}
                        onChange={(e) => {
                            setDate(e.target.value);
                            setProblem(null);
                        }}
                        error={!!problem}
                        helperText={problem ?? ' '}
                    />
                    {busy && <LinearProgress />}
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
                    <Button
                        label="resources.report_packages.generate.submit"
                        type="submit"
                        variant="contained"
                        disabled={busy}
                    />
                </DialogActions>
            </form>
        </Dialog>
    );
};
