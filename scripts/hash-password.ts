// Prints an scrypt hash for CONSOLE_OPERATOR_PASSWORD / CONSOLE_VIEWER_PASSWORD, so the plain password need
// not sit in the environment. Usage: npm run hash-password -- '<password>'
import { hashPassword } from "../lib/auth/login/passwords";

const password = process.argv[2];
if (!password) {
  console.error("usage: npm run hash-password -- '<password>'");
  process.exit(2);
}
console.log(hashPassword(password));
