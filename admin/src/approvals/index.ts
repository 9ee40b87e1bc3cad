import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceProps } from 'react-admin';
import { ApprovalList } from './ApprovalList';
import { ApprovalShow } from './ApprovalShow';

/** The approvals inbox (复核). Its name is an i18n key of autoMessages. */
export const approvals: ResourceProps = {
    name: 'approvals',
    list: ApprovalList,
    show: ApprovalShow,
    icon: FactCheckIcon,
    options: { label: 'auto.approvals.name' },
};

export { ApprovalList } from './ApprovalList';
export { ApprovalShow } from './ApprovalShow';
export { ApprovalDecisionButtons } from './ApprovalDecisionButtons';
export { ApprovalDiffTable } from './ApprovalDiffTable';
export { approvalDiff, APPROVAL_OPERATIONS, APPROVAL_STATUSES, type Approval } from './approvalLogic';
