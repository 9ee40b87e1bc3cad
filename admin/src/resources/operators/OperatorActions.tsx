import { ListButton, ShowButton, EditButton, TopToolbar } from 'react-admin';
import { ResetOperatorPasswordButton } from './ResetOperatorPasswordButton';
import { ToggleOperatorStatusButton } from './ToggleOperatorStatusButton';

/** Toolbar of the show and edit pages; each button hides itself without the right permission. */
export const OperatorActions = ({ view }: { view: 'show' | 'edit' }) => (
    <TopToolbar>
        <ToggleOperatorStatusButton />
        <ResetOperatorPasswordButton />
        {view === 'show' ? <EditButton /> : <ShowButton />}
        <ListButton />
    </TopToolbar>
);
