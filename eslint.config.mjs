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
];

export default config;
