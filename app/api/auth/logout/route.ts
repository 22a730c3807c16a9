import { mutatingRoute, routeRequest } from "@/lib/auth/guard";
import { handleLogout } from "@/lib/auth/login/login";

export const dynamic = "force-dynamic";

// Any signed-in role may sign out; going through the guard audits it like every other change.
export const POST = mutatingRoute({ action: "auth.logout", role: "viewer", run: async (args) => handleLogout(routeRequest(args)) });
