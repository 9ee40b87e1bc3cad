import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './AppAppBar';
import { AppMenu } from './AppMenu';
import { PasswordChangeGuard } from './PasswordChangeGuard';
import { ExportJobDialog } from '../resources/export_jobs';

export const AppLayout = ({ children }: { children: ReactNode }) => (
    <Layout appBar={AppAppBar} menu={AppMenu}>
        <PasswordChangeGuard />
        <ExportJobDialog />
        {children}
    </Layout>
);
