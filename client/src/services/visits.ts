/** The `visits` cloud function: check-in and desk filings (staff subpackage). */
import { visitsContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof visitsContract;
export type CheckInInput = ActionInput<C, 'checkIn'>;
export type CheckInResult = ActionOutput<C, 'checkIn'>;
export type DeskFilingInput = ActionInput<C, 'fileAtDesk'>;
export type DeskFilingResult = ActionOutput<C, 'fileAtDesk'>;

/** By the booking's code (scanned or typed), or by phone for a walk-in (with the arrival's facts). */
export function checkIn(input: CheckInInput): Promise<Result<CheckInResult>> {
  return callFunction('visits', visitsContract, 'checkIn', input);
}

export function fileAtDesk(input: DeskFilingInput): Promise<Result<DeskFilingResult>> {
  return callFunction('visits', visitsContract, 'fileAtDesk', input);
}
