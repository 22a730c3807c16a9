// ESLint: Next.js's rules (core web vitals) and typescript-eslint's, at zero warnings (npm test runs `npm run lint`).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".lab/**", "node_modules/**", "lib/generated/**", "lab/**/target/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // `_name` marks a value destructured only to leave it out (e.g. `const { name: _n, ...rest } = config`).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // The browser's side of lib/: components/ and data/ (client components, the hooks, and the few server components
    // in components/, which need nothing more) import only lib's shared/ folders. Everything else in lib/ is
    // server-only (lib/boundary.test.ts checks the "server-only" line); server components and route handlers in app/
    // reach it there.
    files: ["components/**", "data/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)lib/(?!(.+/)?shared/)",
              message: "components/ and data/ may import only lib's shared/ folders (lib/shared/, lib/<area>/shared/): the rest of lib/ is server-only.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
