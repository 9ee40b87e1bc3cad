import { AutoEdit } from '../auto/AutoEdit';
import { FeePreview } from './FeePreview';

/** The generated fee-schedule edit form with the live fee preview beside it. */
export const FeeScheduleEdit = () => <AutoEdit side={<FeePreview />} />;
