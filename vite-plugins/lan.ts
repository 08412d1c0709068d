import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Connect, Plugin } from 'vite';

/** The path the follow-along dialog asks for the server's LAN addresses (src/app/followAlong/hostChoice.ts). */
export const LAN_PATH = '/__cnnlab/lan.json';

const WILDCARDS = new Set(['0.0.0.0', '::', '::ffff:0.0.0.0']);

function isLoopback(address: string): boolean {
  return address === '::1' || address === 'localhost' || /^(::ffff:)?127\./.test(address);
}

/**
 * The IPv4 addresses other devices can reach this server on: none when it listens on loopback only (the
 * default `--host 127.0.0.1`), every non-internal IPv4 address of the machine when it listens on all
 * interfaces (`--host` / `--host 0.0.0.0`), and the one address when it is bound to a single IPv4 address.
 */
export function lanAddresses(boundAddress: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (isLoopback(boundAddress)) return [];
  if (!WILDCARDS.has(boundAddress)) return /^\d+\.\d+\.\d+\.\d+$/.test(boundAddress) ? [boundAddress] : [];
  const found: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal && !found.includes(info.address)) found.push(info.address);
    }
  }
  return found;
}

function lanMiddleware(getAddress: () => AddressInfo | string | null | undefined): Connect.NextHandleFunction {
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== LAN_PATH) return next();
    const bound = getAddress();
    const info = bound && typeof bound === 'object' ? bound : null;
    const body = { addresses: info ? lanAddresses(info.address, networkInterfaces()) : [], port: info?.port ?? 0 };
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  };
}

/**
 * Serves {@link LAN_PATH} from `vite dev` and `vite preview` (so `npm run start:lan`): the server's LAN IPv4
 * addresses and port, so the follow-along QR code can point students' devices at this machine.
 */
export function serveLanAddresses(): Plugin {
  return {
    name: 'cnnlab-lan-addresses',
    configureServer(server) {
      server.middlewares.use(lanMiddleware(() => server.httpServer?.address()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(lanMiddleware(() => server.httpServer.address()));
    },
  };
}
