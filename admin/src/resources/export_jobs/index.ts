import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import type { ResourceProps } from 'react-admin';
import { ExportJobList } from './ExportJobList';

export const export_jobs: ResourceProps = { name: 'export_jobs', list: ExportJobList, icon: CloudDownloadIcon };
export { ExportJobDialog } from './ExportJobDialog';
export { exportJobMessages } from './messages';
