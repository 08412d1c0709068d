import { describe, expect, it } from 'vitest';
import { checkHost, followLink, routeToShare } from '../../../src/app/followAlong/followLink';
import { parseHash } from '../../../src/app/route';

describe('follow-along link', () => {
  const route = parseHash('#/autoencoder/3?backend=wasm&seed=7&hidden=64');

  it('joins host, the path the app is served from and the whole route, step written', () => {
    expect(followLink('http://192.168.1.20:4173', '/', route, null)).toBe('http://192.168.1.20:4173/#/autoencoder/3?backend=wasm&seed=7&hidden=64');
    expect(followLink('https://class.example.org/', '/cnn-lab/', route, null)).toBe('https://class.example.org/cnn-lab/#/autoencoder/3?backend=wasm&seed=7&hidden=64');
    expect(followLink('http://h:1', '/', parseHash('#/cifar10?lr=0.01'), null)).toBe('http://h:1/#/cifar10/1?lr=0.01');
    expect(followLink('http://h:1', '/', parseHash('#/'), null)).toBe('http://h:1/#/');
  });

  it('adds the seed the lesson drew when the URL names none, and only for that lesson', () => {
    const noSeed = parseHash('#/autoencoder/2?backend=wasm');
    const drawn = { slug: 'autoencoder', param: 'seed', seed: 481516 };
    expect(followLink('http://h:1', '/', noSeed, drawn)).toBe('http://h:1/#/autoencoder/2?backend=wasm&seed=481516');
    // The URL's own seed wins; another lesson's seed is not carried over.
    expect(routeToShare(route, drawn)).toBe(route);
    expect(routeToShare(parseHash('#/cifar10'), drawn).params).toEqual({});
    expect(followLink('http://h:1', '/', parseHash('#/alexnet/5'), { slug: 'alexnet', param: 'doseed', seed: 1 })).toBe('http://h:1/#/alexnet/5?doseed=1');
  });

  it('percent-encodes parameter values so the link stays one ASCII URL', () => {
    const odd = { slug: 'x', step: 1, params: { note: 'a b&c' } };
    expect(followLink('http://h:1', '/', odd, null)).toBe('http://h:1/#/x/1?note=a+b%26c');
  });
});

describe('host check', () => {
  it('accepts http(s)://host[:port] and normalises it', () => {
    expect(checkHost('http://192.168.1.20:4173')).toEqual({ ok: true, host: 'http://192.168.1.20:4173' });
    expect(checkHost('  HTTP://Teacher-Laptop.local:8080/ ')).toEqual({ ok: true, host: 'http://teacher-laptop.local:8080' });
    expect(checkHost('https://class.example.org')).toEqual({ ok: true, host: 'https://class.example.org' });
    expect(checkHost('https://class.example.org:443')).toEqual({ ok: true, host: 'https://class.example.org' });
    expect(checkHost('http://[fe80::1]:4173')).toEqual({ ok: true, host: 'http://[fe80::1]:4173' });
  });

  it('rejects anything else with a message saying what to fix', () => {
    const message = (t: string) => { const c = checkHost(t); return c.ok ? null : c.message; };
    expect(message('')).toMatch(/Type an address/);
    expect(message('192.168.1.20:4173')).toMatch(/start with http:\/\/ or https:\/\//);
    expect(message('ftp://host')).toMatch(/not ftp:\/\//);
    expect(message('http://')).toMatch(/no host/);
    expect(message('http://host:4173/cnn')).toMatch(/no path/);
    expect(message('http://host/?x=1')).toMatch(/no path/);
    expect(message('http://host:99999')).toMatch(/1 to 65535/);
    expect(message('http://host:')).toMatch(/1 to 65535/);
    expect(message('http://user:pw@host')).toMatch(/user name or password/);
    expect(message('http://my host')).toMatch(/spaces/);
    expect(message('http://exa%mple')).toMatch(/not a host name/);
  });
});
