import { MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';

/** Head office's branch filter (经营指标, 客户分群): every branch (no filter) or one. */
export const BranchFilter = ({
    value,
    onChange,
    messages,
    testId,
}: {
    value: number | null;
    onChange: (id: number | null) => void;
    /** the page's message prefix: its `<prefix>.branch.label` and `<prefix>.branch.all` */
    messages: string;
    testId: string;
}) => {
    const translate = useTranslate();
    const { data } = useGetList('branches', {
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'id', order: 'ASC' },
    });
    return (
        <TextField
            fullWidth={false}
            select
            size="small"
            label={translate(`${messages}.branch.label`)}
            value={value ?? ''}
            onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
            sx={{ minWidth: 220 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            data-testid={testId}
        >
            <MenuItem value="">{translate(`${messages}.branch.all`)}</MenuItem>
            {(data ?? []).map((b) => (
                <MenuItem key={b.id} value={b.id}>
                    {b.name}
                </MenuItem>
            ))}
        </TextField>
    );
};
