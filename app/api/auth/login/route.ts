import { handleLogin } from "@/lib/auth/login/login";

export const dynamic = "force-dynamic";
export const POST = handleLogin;
