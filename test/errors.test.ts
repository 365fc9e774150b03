import { describe, expect, it, vi } from 'vitest';
import {
  ArgumentError,
  InvalidInputError,
  isInvalidInputError,
  isWeatherVaneError,
  RuleSetError,
  WeatherVaneError,
} from '../src/errors.js';

describe('errors are recognised across copies of the library (ESM and CJS in one process)', () => {
  it('instanceof and the guards answer by brand and code', async () => {
    vi.resetModules();
    const copy = '../src/errors.js?copy';
    const other = (await import(/* @vite-ignore */ copy)) as typeof import('../src/errors.js');
    expect(other.InvalidInputError).not.toBe(InvalidInputError);
    const e = new other.InvalidInputError([{ path: 'x', message: 'expected y, found z' }]);
    expect(e instanceof InvalidInputError).toBe(true);
    expect(e instanceof WeatherVaneError).toBe(true);
    expect(e instanceof RuleSetError).toBe(false);
    expect(e instanceof Error).toBe(true);
    expect(isInvalidInputError(e)).toBe(true);
    expect(isWeatherVaneError(new other.ArgumentError('x'))).toBe(true);
    expect(new other.ArgumentError('x') instanceof ArgumentError).toBe(true);
    expect(new ArgumentError('x') instanceof InvalidInputError).toBe(false);
    expect(isInvalidInputError(new Error('x'))).toBe(false);
    expect(isInvalidInputError({ code: 'invalid_input' })).toBe(false);
    expect(isWeatherVaneError(null)).toBe(false);
  });
});
