import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import {
    Button as MuiButton,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    Stack,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import type { Approval } from './approvalLogic';

type Decision = 'approve' | 'reject';

/**
 * Approve / reject a pending change (复核). The server refuses one's own change (403
 * OWN_APPROVAL) and a change already decided (409): its message is shown as it comes.
 */
export const ApprovalDecisionButtons = () => {
    const record = useRecordContext<Approval>();
    const { canAccess } = useCanAccess({ resource: 'approvals', action: 'approve' });
    const translate = useTranslate();
    const [decision, setDecision] = useState<Decision | null>(null);
    if (record?.status !== 'pending' || !canAccess) return null;
    return (
        <Stack direction="row" spacing={1}>
            <MuiButton
                variant="contained"
                color="success"
                size="small"
                startIcon={<CheckCircleIcon />}
                onClick={() => setDecision('approve')}
            >
                {translate('auto.approvals.approve')}
            </MuiButton>
            <MuiButton
                variant="outlined"
                color="error"
                size="small"
                startIcon={<CancelIcon />}
                onClick={() => setDecision('reject')}
            >
                {translate('auto.approvals.reject')}
            </MuiButton>
            {decision && <DecisionDialog approval={record} decision={decision} onClose={() => setDecision(null)} />}
        </Stack>
    );
};

const DecisionDialog = ({
    approval,
    decision,
    onClose,
}: {
    approval: Approval;
    decision: Decision;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const redirect = useRedirect();
    const [comment, setComment] = useState('');
    const [busy, setBusy] = useState(false);
    const [touched, setTouched] = useState(false);
    // A rejection tells the maker why.
    const missing = decision === 'reject' && comment.trim() === '';

    const submit = async () => {
        setTouched(true);
        if (missing) return;
        setBusy(true);
        try {
            await httpClient(`${API_URL}/approvals/${approval.id}/${decision}`, {
                method: 'POST',
                body: JSON.stringify({ comment: comment.trim() }),
            });
            notify(decision === 'approve' ? 'auto.approvals.approved' : 'auto.approvals.rejected', { type: 'success' });
            onClose();
            redirect('list', 'approvals');
        } catch (error) {
            const message = (error as Error).message || 'ra.notification.http_error';
            notify(message, { type: 'error', messageArgs: { _: message } });
            setBusy(false);
        }
    };

    return (
        <Dialog
            open
            onClose={busy ? undefined : onClose}
            maxWidth="sm"
            fullWidth
            aria-labelledby="approval-decision-title"
        >
            <DialogTitle id="approval-decision-title">
                {translate(decision === 'approve' ? 'auto.approvals.approve_title' : 'auto.approvals.reject_title', {
                    id: approval.id,
                })}
            </DialogTitle>
            <DialogContent>
                <DialogContentText sx={{ mb: 2 }}>
                    {translate(
                        decision === 'approve' ? 'auto.approvals.approve_content' : 'auto.approvals.reject_content',
                    )}
                </DialogContentText>
                <TextField
                    autoFocus
                    fullWidth
                    multiline
                    minRows={2}
                    label={translate(
                        decision === 'approve' ? 'auto.approvals.comment_optional' : 'auto.approvals.comment_required',
                    )}
                    required={decision === 'reject'}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    error={touched && missing}
                    helperText={touched && missing ? translate('ra.validation.required') : undefined}
                    slotProps={{ htmlInput: { maxLength: 500 } }}
                />
            </DialogContent>
            <DialogActions>
                <MuiButton onClick={onClose} disabled={busy}>
                    {translate('ra.action.cancel')}
                </MuiButton>
                <MuiButton
                    variant="contained"
                    color={decision === 'approve' ? 'success' : 'error'}
                    onClick={submit}
                    disabled={busy}
                >
                    {translate(decision === 'approve' ? 'auto.approvals.approve' : 'auto.approvals.reject')}
                </MuiButton>
            </DialogActions>
        </Dialog>
    );
};
