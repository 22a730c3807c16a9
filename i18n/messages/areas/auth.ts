// Catalog group "auth" in both languages; pt-BR is the source of truth, en must have the same keys.
export const authPtBR = {
  title: "Entrar no console",
  intro: "Este console está acessível pela rede, então é preciso entrar. Alunos usam a conta viewer; quem demonstra usa operator.",
  user: "Usuário",
  password: "Senha",
  submit: "Entrar",
  submitting: "Entrando…",
  badCredentials: "Usuário ou senha incorretos.",
  rateLimited: "Muitas tentativas deste endereço; tente de novo em {seconds} s.",
  expired: "Sua sessão expirou; entre de novo para voltar a {path}.",
  signedInAs: "{user} ({role})",
  localOperator: "operador local",
  logout: "Sair",
  roles: { operator: "operador", viewer: "observador" },
  viewerOnly: "Somente um operador pode fazer isso.",
};

export const authEn: typeof authPtBR = {
  title: "Sign in to the console",
  intro: "This console is reachable over the network, so signing in is required. Students use the viewer account; whoever demonstrates uses operator.",
  user: "User",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  badCredentials: "Wrong user or password.",
  rateLimited: "Too many attempts from this address; try again in {seconds} s.",
  expired: "Your session expired; sign in again to go back to {path}.",
  signedInAs: "{user} ({role})",
  localOperator: "local operator",
  logout: "Sign out",
  roles: { operator: "operator", viewer: "viewer" },
  viewerOnly: "Only an operator may do this.",
};
