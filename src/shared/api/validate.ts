/**
 * A small validator kit for contract arguments. Every value that crosses the
 * boundary is untrusted: a validator either returns a value of the declared type
 * or throws a ValidationError naming the offending field. Validators never coerce.
 */

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'ValidationError';
  }
}

export type Validator<T> = (value: unknown, path: string) => T;

/** The type a validator produces. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export interface StringRules {
  /** Smallest length allowed; default 0. */
  min?: number;
  /** Largest length allowed (UTF-16 units); required so no call can carry unbounded text. */
  max: number;
  /** Reject NUL and other C0 control characters except tab, CR and LF. Default true. */
  noControl?: boolean;
  /** A pattern the whole string must match. */
  pattern?: RegExp;
  /** Words for the error when the pattern fails, e.g. "a glossary id". */
  patternName?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function string(rules: StringRules): Validator<string> {
  return (value, path) => {
    if (typeof value !== 'string') throw new ValidationError(path, `expected a string, got ${describe(value)}`);
    if (value.length < (rules.min ?? 0)) {
      throw new ValidationError(
        path,
        rules.min === 1 ? 'must not be empty' : `must be at least ${rules.min} characters`,
      );
    }
    if (value.length > rules.max) throw new ValidationError(path, `must be at most ${rules.max} characters`);
    if ((rules.noControl ?? true) && CONTROL.test(value)) {
      throw new ValidationError(path, 'must not contain control characters');
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      throw new ValidationError(path, `must be ${rules.patternName ?? `like ${rules.pattern}`}`);
    }
    return value;
  };
}

export function integer(min: number, max: number): Validator<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new ValidationError(path, `expected an integer, got ${describe(value)}`);
    }
    if (value < min || value > max) throw new ValidationError(path, `must be between ${min} and ${max}`);
    return value;
  };
}

export function number(min: number, max: number): Validator<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ValidationError(path, `expected a finite number, got ${describe(value)}`);
    }
    if (value < min || value > max) throw new ValidationError(path, `must be between ${min} and ${max}`);
    return value;
  };
}

export function boolean(): Validator<boolean> {
  return (value, path) => {
    if (typeof value !== 'boolean') throw new ValidationError(path, `expected true or false, got ${describe(value)}`);
    return value;
  };
}

export function literal<const T extends string>(...options: T[]): Validator<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(options as string[]).includes(value)) {
      throw new ValidationError(path, `must be one of ${options.map((o) => `"${o}"`).join(', ')}`);
    }
    return value as T;
  };
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, path) => (value === null ? null : inner(value, path));
}

export function array<T>(item: Validator<T>, maxItems: number): Validator<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ValidationError(path, `expected an array, got ${describe(value)}`);
    if (value.length > maxItems) throw new ValidationError(path, `must have at most ${maxItems} items`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Validator<infer T> ? (undefined extends T ? K : never) : never;
}[keyof S];
type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A plain object with exactly these keys; unknown keys are refused so typos fail loudly. */
export function object<S extends Shape>(shape: S): Validator<ObjectOf<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new ValidationError(path, `expected an object, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) throw new ValidationError(join(path, key), 'is not a known field');
    }
    const out: Record<string, unknown> = {};
    for (const [key, validate] of Object.entries(shape)) {
      const result = validate(value[key], join(path, key));
      if (result !== undefined) out[key] = result;
    }
    return out as ObjectOf<S>;
  };
}

/** Marks a field as optional: `undefined` (absent) passes, anything else is checked. */
export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return (value, path) => (value === undefined ? undefined : inner(value, path));
}

/** For methods that take no arguments: accepts `undefined`, `null` or `{}`. */
export function none(): Validator<undefined> {
  return (value, path) => {
    if (value === undefined || value === null) return undefined;
    if (isPlainObject(value) && Object.keys(value).length === 0) return undefined;
    throw new ValidationError(path, 'this method takes no arguments');
  };
}

/** One of several object shapes, told apart by a `kind` field. */
export function tagged<V extends Record<string, Validator<object>>>(
  variants: V,
): Validator<{ [K in keyof V]: Infer<V[K]> & { kind: K } }[keyof V]> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new ValidationError(path, `expected an object, got ${describe(value)}`);
    const kind = value.kind;
    if (typeof kind !== 'string' || !Object.hasOwn(variants, kind)) {
      throw new ValidationError(
        join(path, 'kind'),
        `must be one of ${Object.keys(variants)
          .map((k) => `"${k}"`)
          .join(', ')}`,
      );
    }
    const { kind: _kind, ...rest } = value;
    const parsed = (variants[kind] as Validator<object>)(rest, path);
    return { kind, ...parsed } as never;
  };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
