import { AutoCreate } from '../auto/AutoEdit';
import { FeePreview } from './FeePreview';

/** The generated fee-schedule create form with the live fee preview beside it. */
export const FeeScheduleCreate = () => <AutoCreate side={<FeePreview />} />;
