import {
  ApprovePairingRequest,
  DEVICE_COOKIE,
  Device,
  DeviceList,
  PairingCreated,
  PairingState,
  UpdateDeviceRequest,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { setCookie } from 'hono/cookie';
import { actorOf, guard } from '../../auth/access';
import type { AdminService } from '../../auth/admin';
import { createRouter } from '../../lib/create-router';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

const admin = guard({
  permission: 'user:admin',
  region: { from: 'none', why: 'device administration is county-wide' },
});
const pairing = guard({
  public: true,
  why: 'an unpaired wall screen has no credential yet; it proves itself with the pairing secret',
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .meta({ param: { name: 'id', in: 'path' } }),
});
/**
 * A device credential lasts until revoked. Browsers cap a cookie's life at 400 days, so the cookie is set
 * for that long and renewed whenever the device asks /api/v1/auth/me (at every start of the wall app).
 */
export const DEVICE_COOKIE_MAX_AGE_S = 400 * 86400;

const r = {
  start: createRoute({
    method: 'post',
    path: '/api/v1/devices/pairings',
    tags: ['devices'],
    summary: 'A wall screen asks to be paired: a code to show and a secret to poll with',
    middleware: [pairing],
    responses: {
      201: jsonResponse(PairingCreated, 'Pairing started'),
      429: errorResponse('Too many pending pairings'),
    },
  }),
  poll: createRoute({
    method: 'get',
    path: '/api/v1/devices/pairings/{id}',
    tags: ['devices'],
    summary: 'The device polls its pairing; once approved it receives its credential (cookie) once',
    middleware: [pairing],
    request: { params: IdParam, query: z.object({ secret: z.string().min(1).max(200) }) },
    responses: {
      200: jsonResponse(PairingState, 'State'),
      400: errorResponse('Missing secret'),
      404: errorResponse('No pairing with this id and secret'),
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/devices',
    tags: ['devices'],
    summary: 'Paired devices and pending pairing codes',
    middleware: [admin],
    responses: {
      200: jsonResponse(DeviceList, 'Devices'),
      401: errorResponse('Not signed in'),
      403: errorResponse('Needs user:admin'),
    },
  }),
  approve: createRoute({
    method: 'post',
    path: '/api/v1/devices',
    tags: ['devices'],
    summary: 'Approve a pending pairing code: name and scope the device',
    middleware: [admin],
    request: body(ApprovePairingRequest),
    responses: {
      201: jsonResponse(Device, 'Approved'),
      400: errorResponse('Malformed body or unknown scope'),
      404: errorResponse('No pending pairing with this code'),
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/api/v1/devices/{id}',
    tags: ['devices'],
    summary: 'Rename or re-scope a device',
    middleware: [admin],
    request: { params: IdParam, ...body(UpdateDeviceRequest) },
    responses: {
      200: jsonResponse(Device, 'Updated'),
      400: errorResponse('Malformed body or unknown scope'),
      404: errorResponse('No such device'),
    },
  }),
  revoke: createRoute({
    method: 'post',
    path: '/api/v1/devices/{id}/revoke',
    tags: ['devices'],
    summary: 'Revoke a device credential (its streams close)',
    middleware: [admin],
    request: { params: IdParam },
    responses: { 204: { description: 'Revoked' }, 404: errorResponse('No such device') },
  }),
};

export function devicesRouter(service: AdminService) {
  return createRouter()
    .openapi(r.start, async (c) => c.json(await service.startPairing(actorOf(c, 'device:unpaired')), 201))
    .openapi(r.poll, async (c) => {
      const result = await service.pollPairing(
        c.req.valid('param').id,
        c.req.valid('query').secret,
        actorOf(c, 'device:unpaired'),
      );
      if ('token' in result && result.token)
        setCookie(c, DEVICE_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          maxAge: DEVICE_COOKIE_MAX_AGE_S,
        });
      return c.json(result, 200);
    })
    .openapi(r.list, async (c) => c.json(await service.listDevices(), 200))
    .openapi(r.approve, async (c) =>
      c.json(await service.approvePairing(c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(r.update, async (c) =>
      c.json(await service.updateDevice(c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(r.revoke, async (c) => {
      await service.revokeDevice(c.req.valid('param').id, actorOf(c));
      return c.body(null, 204);
    });
}
