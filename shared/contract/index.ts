import type { z } from 'zod';
import { alarmsEvents, alarmsMethods } from './alarms.ts';
import { appMethods } from './app.ts';
import { backendsEvents, backendsMethods, receiversMethods } from './backends.ts';
import { bridgeEvents, bridgeMethods } from './bridges.ts';
import { commissioningMethods } from './commissioning.ts';
import { doorTestsEvents, doorTestsMethods } from './door-tests.ts';
import { doorsEvents, doorsMethods } from './doors.ts';
import { eventsEvents, eventsMethods } from './events.ts';
import { eventPhotosMethods } from './event-photos.ts';
import { historyMethods } from './history.ts';
import { importsEvents, importsMethods } from './imports.ts';
import { outboxMethods, peopleEvents, peopleMethods } from './people.ts';
import { reportsMethods } from './reports.ts';
import { scanEvents, scanMethods } from './scan.ts';
import { toolsMethods } from './tools.ts';
import { sitesEvents, sitesMethods } from './sites.ts';
import { visitorsEvents, visitorsMethods } from './visitors.ts';

/**
 * The one API contract: every call the renderer (or any client) can make and every event the core
 * pushes. Both transports (Electron IPC and the local WebSocket) are driven by these tables, and
 * both ends validate with them. Later capabilities add their own `<area>Methods` / `<area>Events`.
 */
export const methods = {
  ...appMethods,
  ...sitesMethods,
  ...backendsMethods,
  ...receiversMethods,
  ...commissioningMethods,
  ...doorTestsMethods,
  ...reportsMethods,
  ...toolsMethods,
  ...peopleMethods,
  ...outboxMethods,
  ...importsMethods,
  ...scanMethods,
  ...eventsMethods,
  ...alarmsMethods,
  ...historyMethods,
  ...visitorsMethods,
  ...doorsMethods,
  ...eventPhotosMethods,
  ...bridgeMethods,
};

export const events = {
  ...sitesEvents,
  ...backendsEvents,
  ...doorTestsEvents,
  ...peopleEvents,
  ...importsEvents,
  ...scanEvents,
  ...eventsEvents,
  ...alarmsEvents,
  ...visitorsEvents,
  ...doorsEvents,
  ...bridgeEvents,
};

type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

export * from './errors.ts';
export * from './sites.ts';
export * from './app.ts';
export * from './backends.ts';
export * from './door-tests.ts';
export * from './people.ts';
export * from './device-results.ts';
export * from './imports.ts';
export * from './reports.ts';
export * from './tools.ts';
export * from './scan.ts';
export * from './events.ts';
export * from './alarms.ts';
export * from './history.ts';
export * from './visitors.ts';
export * from './doors.ts';
export * from './bridges.ts';
