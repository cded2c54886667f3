/** Everything a journey screen reads when it opens, in one go. */
import type { Call } from './persistence';

export function readJourney(call: Call, journeyId: string) {
  return Promise.all([
    call('journeys:get', { id: journeyId }),
    call('catalogue:list', {}),
    call('profile:get', { journeyId }),
    call('goals:list', { journeyId }),
    call('ideas:list', { journeyId }),
    call('workshops:list', { journeyId }),
  ]);
}

export type JourneyRead = Awaited<ReturnType<typeof readJourney>>;
