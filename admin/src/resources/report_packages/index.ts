import ArchiveIcon from '@mui/icons-material/Archive';
import type { ResourceProps } from 'react-admin';
import { ReportPackageList } from './ReportPackageList';

export const report_packages: ResourceProps = { name: 'report_packages', list: ReportPackageList, icon: ArchiveIcon };
