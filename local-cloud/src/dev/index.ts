/**
 * This product's development stack on top of the local cloud: the demo clinic seed, the demo
 * sign-in's people and their gateway route. The emulator core (everything in src/ outside dev/)
 * never imports from here; src/cli.ts composes the two, and so do the product's tests.
 */
export { demoAccountPhone, demoRoutes } from './demo-routes';
export { demoWeCom } from './wecom';
export {
  DEMO_IDENTITIES,
  buildDemoClinic,
  COLLECTIONS,
  isDemoClinicSeeded,
  seedDemoClinic,
  type SeedFiles,
  type DemoIdentity,
  type DemoIdentityKind,
  type SeedResult,
  type SeedTarget,
} from './seed';
