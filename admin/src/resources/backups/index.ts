import SettingsBackupRestoreIcon from '@mui/icons-material/SettingsBackupRestore';
import type { ResourceProps } from 'react-admin';
import { BackupList } from './BackupList';

export const backups: ResourceProps = { name: 'backups', list: BackupList, icon: SettingsBackupRestoreIcon };
