import express, { type Router } from 'express';
import { maskPhone } from '@clinic/shared';
import { DEMO_IDENTITIES } from './seed/demo-identities';

/**
 * The development gateway's demo-only routes, mounted under /api beside the local cloud's own
 * (contract in the root README). GET /demo/identities: the H5 demo sign-in's people, phones masked
 * like everywhere the product shows one; the sign-in binds a phone with the account code, so it
 * never needs the full number.
 */
export function demoRoutes(): Router {
  const api = express.Router();
  api.get('/demo/identities', (_req, res) => {
    res.json(DEMO_IDENTITIES.map((i) => (i.phone ? { ...i, phone: maskPhone(i.phone) } : i)));
  });
  return api;
}

/** The phone number of each demo person's emulated WeChat account (phonenumber.getPhoneNumber). */
export function demoAccountPhone(openid: string): string | undefined {
  return DEMO_IDENTITIES.find((i) => i.openid === openid)?.phone;
}
