/**
 * Jest setup file (every node project): this process may reach loopback only. Anything that would
 * talk to a real endpoint — typically wx-server-sdk running after its local-cloud environment was
 * taken away — throws a LoopbackOnlyError naming the host instead.
 */
import { installLoopbackGuard } from '../../src/functions/loopback-guard';

installLoopbackGuard();
