// Types for scripts/setup.mjs (plain JavaScript so that it runs before any package is installed),
// for the TypeScript tools and tests that import it.

/** Repository root. */
export declare const root: string;

/** Debian packages: what each is for. */
export declare const debianPackages: Record<string, string>;

/** What setup must do about npm packages: npm ci or not, why, and optional packages missing. */
export interface NpmInstallPlan {
  install: boolean;
  reason: string;
  missingOptional: string[];
}

/** Compares package-lock.json with node_modules in `dir` (default: the repository). */
export declare function npmInstallPlan(dir?: string, options?: { need?: string[] }): NpmInstallPlan;

/** Runs `npm ci` when npmInstallPlan says so. */
export declare function ensureNpm(options?: { need?: string[] }): void;

/** Installs missing Debian packages as root, or names them and returns false. */
export declare function ensureDebian(names?: string[]): boolean;

/** Builds the agent console and the kiosk (renderer and Electron main) when their sources are newer. */
export declare function ensureBuilds(options?: { force?: boolean; only?: Array<'console' | 'kiosk'> }): void;

/** Throws when the Node version is outside package.json's engines. */
export declare function checkNode(): void;
