import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSenderUrl,
  mimeTypeOf,
  resolveAppAsset,
} from './security';

describe('security policy', () => {
  it('trusts only our own page as an IPC sender', () => {
    expect(isTrustedSenderUrl(APP_ENTRY)).toBe(true);
    expect(isTrustedSenderUrl('app://renderer/index.html#/journey/x')).toBe(true);
    for (const url of [
      undefined,
      '',
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://renderer/index.html',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });

  it('never navigates the window away from the app', () => {
    expect(isAllowedNavigation('https://www.sundhed.dk/')).toBe(false);
    expect(isAllowedNavigation('app://renderer/index.html')).toBe(true);
  });

  it('opens only allowlisted https links externally', () => {
    expect(isAllowedExternalUrl('https://www.sundhed.dk/borger')).toBe(true);
    expect(isAllowedExternalUrl('http://www.sundhed.dk/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.sundhed.dk/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('has a strict CSP without unsafe-eval, unsafe-inline or remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)|https?:|\*/);
  });

  it('serves only files inside the renderer bundle', () => {
    expect(resolveAppAsset('app://renderer/')).toBe('index.html');
    expect(resolveAppAsset('app://renderer/assets/index-abc.js')).toBe('assets/index-abc.js');
    expect(resolveAppAsset('app://renderer/index.html?x=1#/journey/1')).toBe('index.html');
    // The URL parser already folds a literal `..` into the bundle root.
    expect(resolveAppAsset('app://renderer/../../package.json')).toBe('package.json');
    expect(resolveAppAsset('app://renderer/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    for (const url of [
      'app://renderer/assets/..%2f..%2fsecret',
      'app://renderer/a%5c..%5csecret',
      'app://renderer/%00',
      'app://renderer/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppAsset(url), url).toBeUndefined();
    }
  });

  it('sends the right content types', () => {
    expect(mimeTypeOf('index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('assets/a.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
  });
});
