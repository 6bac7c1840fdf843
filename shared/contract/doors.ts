import { z } from 'zod';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { SiteIdSchema } from './sites.ts';

/** The guard room's doors panel (issue 15 item 2): every door of the site, its state, its actions, their audit log. */

/** The one word a door's state is shown as (shared/rules/door-state-word.ts derives it). */
export const DOOR_STATE_WORDS = ['open', 'closed', 'held-open', 'held-closed', 'offline', 'alarm', 'unknown'] as const;
export const DoorStateWordSchema = z.enum(DOOR_STATE_WORDS);
export type DoorStateWord = z.infer<typeof DoorStateWordSchema>;

/** What a guard can do to a door; `normal` returns a held door to its schedule. */
export const DOOR_ACTIONS = ['open', 'close', 'normally-open', 'normally-closed', 'normal'] as const;
export const DoorActionKindSchema = z.enum(DOOR_ACTIONS);
export type DoorActionKind = z.infer<typeof DoorActionKindSchema>;

export const DOOR_SET_MODES = ['normally-open', 'normally-closed', 'normal'] as const;

/** The longest remote open Doorman asks for (ZKBio interval 1–254 s). */
export const DOOR_OPEN_SECONDS_MAX = 254;

const DoorIdSchema = z.string().min(1).max(200);

export const PanelDoorSchema = z.strictObject({
  backendId: BackendIdSchema,
  backendName: z.string(),
  doorId: z.string(),
  name: z.string(),
  state: DoorStateWordSchema,
  /** The vendor's words for the state, where it gives them. */
  stateText: z.string().nullable(),
  /** The actions this door's backend supports (from its capabilities). */
  actions: z.array(DoorActionKindSchema),
});
export type PanelDoor = z.infer<typeof PanelDoorSchema>;

export const DoorActionSchema = z.strictObject({
  id: z.number().int().positive(),
  siteId: SiteIdSchema,
  backendId: BackendIdSchema,
  doorId: z.string(),
  doorName: z.string().nullable(),
  action: DoorActionKindSchema,
  seconds: z.number().int().nullable(),
  station: z.string(),
  guard: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  result: z.enum(['started', 'ok', 'failed']),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type DoorAction = z.infer<typeof DoorActionSchema>;

const doorRef = { backendId: BackendIdSchema, doorId: DoorIdSchema };

export const doorsMethods = {
  /** Every door of the site's backends (stored inventory) with its state and the actions its backend supports. */
  'doors.list': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ doors: z.array(PanelDoorSchema) })),
  /** Opens the door for `seconds`; audited. */
  'doors.open': method(z.strictObject({ ...doorRef, seconds: z.number().int().min(1).max(DOOR_OPEN_SECONDS_MAX).default(5) }), DoorActionSchema),
  /** Closes the door (where the backend can); audited. */
  'doors.close': method(z.strictObject(doorRef), DoorActionSchema),
  /** Holds the door open or closed, or returns it to normal (where the backend can); audited. */
  'doors.setMode': method(z.strictObject({ ...doorRef, mode: z.enum(DOOR_SET_MODES) }), DoorActionSchema),
  /** The site's door actions, newest first, between `from` and `to` (ISO times). */
  'doors.actions': method(
    z.strictObject({ siteId: SiteIdSchema, from: z.iso.datetime().optional(), to: z.iso.datetime().optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    z.strictObject({ actions: z.array(DoorActionSchema) }),
  ),
};

export const doorsEvents = {
  /** A door action started or finished. */
  'doors.action': z.strictObject({ siteId: SiteIdSchema, action: DoorActionSchema }),
  /** A door's state as read changed. */
  'doors.state': z.strictObject({ siteId: SiteIdSchema, door: PanelDoorSchema }),
};
