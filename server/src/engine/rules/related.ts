import { Origin } from '../schema/model';
import { RelatedLocation } from '../types';

/** A related location pointing at where something was defined, when that is known. */
export function definedHere(origin: Origin | undefined, message: string): RelatedLocation[] | undefined {
  return origin ? [{ path: origin.path, start: origin.start, end: origin.end, message }] : undefined;
}
