import { expect, it } from 'vitest';
import { notesIn } from './HiddenNote';

it('explains «skjult» in full in the first table that has a hidden figure, in short below it', () => {
  expect(notesIn([])).toEqual([]);
  expect(notesIn([false, false])).toEqual([null, null]);
  expect(notesIn([false, true, false, true, true])).toEqual([null, 'full', null, 'short', 'short']);
});
