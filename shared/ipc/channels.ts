/**
 * The complete list of IPC channels, `domain:verb`. Kept free of any import so the sandboxed
 * preload can bundle it without pulling in zod or the domain model; the contract is checked
 * against this list at type level and by a guard test.
 */
export const CHANNELS = [
  'settings:get',
  'settings:set',
  'catalogue:list',
  'catalogue:create',
  'catalogue:update',
  'journeys:list',
  'journeys:create',
  'journeys:rename',
  'journeys:setArchived',
  'journeys:delete',
  'journeys:get',
  'journeys:restoreItems',
  'touchpoints:create',
  'touchpoints:update',
  'touchpoints:delete',
  'transitions:create',
  'transitions:update',
  'transitions:delete',
  'painPoints:create',
  'painPoints:update',
  'painPoints:delete',
  'profile:get',
  'profile:update',
  'workshops:list',
  'workshops:create',
  'workshops:update',
  'workshops:delete',
  'goals:list',
  'goals:create',
  'goals:update',
  'goals:delete',
  'ideas:list',
  'ideas:create',
  'ideas:update',
  'ideas:delete',
  'snapshots:list',
  'snapshots:create',
  'snapshots:get',
  'snapshots:restore',
  'snapshots:delete',
  'export:approve',
  'export:preview',
  'export:save',
  'export:history',
  'program:import',
  'program:list',
  'program:delete',
  'program:deleteAll',
  'program:getK',
  'program:setK',
  'program:aggregate',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
