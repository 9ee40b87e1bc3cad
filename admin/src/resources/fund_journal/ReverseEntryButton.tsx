import UndoIcon from '@mui/icons-material/Undo';
import { DialogContentText } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { DialogButton } from '../../components/DialogButton';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { API_URL, httpClient } from '../../providers/httpClient';
import { errorText, fieldMessage } from '../clients/serverError';
import { formatMoney } from '../fund_accounts/money';
import { isReversible, journalTypeLabel } from './journalTypes';

/**
 * 当日冲销: asks for a same-day reversal with a reason. Nothing is posted yet: the server files an
 * approval that a second operator must approve (复核), and the operator is told so.
 */
export const ReverseEntryButton = () => {
    const record = useRecordContext();
    return record && isReversible(record) ? <ReverseEntryAction record={record} /> : null;
};

const ReverseEntryAction = ({ record }: { record: RaRecord }) => {
    const { canAccess } = useCanAccess({ resource: 'fund_journal', action: 'create' });
    if (!canAccess) return null;
    return (
        <DialogButton
            label="resources.fund_journal.actions.reverse"
            color="warning"
            icon={<UndoIcon />}
            dialog={(close) => <ReverseDialog entry={record} onClose={close} />}
        />
    );
};

const ReverseDialog = ({ entry, onClose }: { entry: RaRecord; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const amount = entry.type === 'freeze' || entry.type === 'unfreeze' ? entry.frozen_delta : entry.amount;
    return (
        <TextPromptDialog
            title={translate('ledger.reverse.title', { id: entry.id })}
            field={{ name: 'reason', label: translate('ledger.reverse.reason'), maxLength: 200 }}
            submitLabel="ledger.reverse.submit"
            color="warning"
            send={async (reason) =>
                (
                    await httpClient(`${API_URL}/fund_journal/${encodeURIComponent(String(entry.id))}/reverse`, {
                        method: 'POST',
                        body: JSON.stringify({ reason }),
                    })
                ).json
            }
            onSent={(json) =>
                notify('ledger.reverse.submitted', {
                    type: 'info',
                    messageArgs: { id: json?.approval_id },
                    autoHideDuration: 10000,
                })
            }
            // not today's entry, already reversed, cash already gone…: the server says which
            refusal={(error) => fieldMessage(error, 'reason') ?? errorText(error, ['reason'])}
            onClose={onClose}
        >
            <DialogContentText sx={{ mb: 1 }}>
                {translate('ledger.reverse.entry', {
                    type: translate(journalTypeLabel(entry.type), { _: entry.type }),
                    amount: formatMoney(amount),
                    date: entry.business_date,
                })}
            </DialogContentText>
            <DialogContentText sx={{ mb: 2 }}>{translate('ledger.reverse.content')}</DialogContentText>
        </TextPromptDialog>
    );
};
