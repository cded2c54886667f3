import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../shared/vocabulary';
import { compareHidden, visibleLanes } from './lanes';

describe('the lanes of the compare view', () => {
  it('leaves out the lanes neither map uses, and those the facilitator hid', () => {
    const hidden = compareHidden(['pharmacy'], ['hospital', 'pharmacy', 'general_practice']);
    expect(visibleLanes(hidden)).toEqual(['general_practice', 'hospital']);
    // In the vocabulary's order, whatever order the touchpoints came in.
    expect(visibleLanes(compareHidden([], ['employment', 'citizen']))).toEqual([
      'citizen',
      'employment',
    ]);
  });

  it('keeps every lane the facilitator chose when there are no touchpoints yet', () => {
    expect(visibleLanes(compareHidden([], []))).toEqual([...SECTORS]);
    expect(visibleLanes(compareHidden(['other'], []))).toEqual(
      SECTORS.filter((s) => s !== 'other'),
    );
  });
});
