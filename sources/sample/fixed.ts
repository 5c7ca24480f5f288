/**
 * The four hand-written sample accounts tests and the help-desk fixtures in tests/fixtures/
 * refer to (SAMPLE_FIXED), with their contacts, deals and notes.
 */
import type { Built } from './world';
import { acmeRecords } from './fixed-acme';
import { bakerRecords } from './fixed-baker';
import { muellerRecords } from './fixed-mueller';
import { riversideRecords } from './fixed-riverside';

export { SAMPLE_FIXED } from './fixed-values';

export function fixedRecords(out: Built): void {
  acmeRecords(out);
  bakerRecords(out);
  muellerRecords(out);
  riversideRecords(out);
}
