import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses } from '../../../vite-plugins/lan';
import { lanOrigins, rememberedHost, rememberHost, HOST_STORAGE_KEY } from '../../../src/app/followAlong/hostChoice';

const info = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as NetworkInterfaceInfo;

const interfaces = {
  lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
  wlan0: [info('192.168.1.20', 'IPv4', false), info('fe80::1', 'IPv6', false)],
  eth0: [info('10.0.0.5', 'IPv4', false)],
};

describe('LAN addresses the dev/preview server offers', () => {
  it('none while it listens on loopback only', () => {
    expect(lanAddresses('127.0.0.1', interfaces)).toEqual([]);
    expect(lanAddresses('::1', interfaces)).toEqual([]);
  });
  it('every non-internal IPv4 address when it listens on all interfaces', () => {
    expect(lanAddresses('0.0.0.0', interfaces)).toEqual(['192.168.1.20', '10.0.0.5']);
    expect(lanAddresses('::', interfaces)).toEqual(['192.168.1.20', '10.0.0.5']);
  });
  it('the one address it is bound to', () => {
    expect(lanAddresses('10.0.0.5', interfaces)).toEqual(['10.0.0.5']);
  });
});

describe('host choice', () => {
  it('turns the server answer into origins, ignoring what is not one', () => {
    expect(lanOrigins({ addresses: ['192.168.1.20', '10.0.0.5', 7, 'bad host'], port: 4173 })).toEqual(['http://192.168.1.20:4173', 'http://10.0.0.5:4173']);
    expect(lanOrigins({ addresses: [], port: 4173 })).toEqual([]);
    expect(lanOrigins('<!doctype html>')).toEqual([]);
    expect(lanOrigins({ addresses: ['192.168.1.20'] })).toEqual([]);
  });
  it('remembers a host and forgets one that no longer checks out', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    rememberHost(storage, 'http://192.168.1.20:4173');
    expect(rememberedHost(storage)).toBe('http://192.168.1.20:4173');
    map.set(HOST_STORAGE_KEY, 'not a host');
    expect(rememberedHost(storage)).toBeNull();
    rememberHost(storage, null);
    expect(map.has(HOST_STORAGE_KEY)).toBe(false);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
    expect(rememberedHost(throwing)).toBeNull();
    expect(() => rememberHost(throwing, 'http://h:1')).not.toThrow();
  });
});
