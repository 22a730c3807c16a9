// Catalog group "confirm": the one confirmation dialog of destructive actions (components/ui/ConfirmDialog.tsx).
export const confirmPtBR = {
  cancel: "Cancelar",
  working: "Trabalhando…",
  typeName: "Para confirmar, digite {name}",
  typeNameHint: "Isto apaga dados que não voltam. Digite o nome exatamente.",
  usersLoading: "Procurando conectores que usam {target}…",
  usersError: "Não foi possível verificar os conectores que usam {target}: {message}",
  usersNone: "Nenhum conector está configurado para usar {target}.",
  usersHeading: "Conectores configurados para usar {target}:",
  roles: {
    writes: "grava aqui",
    reads: "lê daqui",
  },
  via: "pela chave {key}",
  usersWarning: "Eles continuam rodando: pause ou apague-os antes, ou eles voltam a gravar (ou falham).",
};

export const confirmEn: typeof confirmPtBR = {
  cancel: "Cancel",
  working: "Working…",
  typeName: "To confirm, type {name}",
  typeNameHint: "This deletes data that cannot be recovered. Type the name exactly.",
  usersLoading: "Looking for connectors that use {target}…",
  usersError: "Could not check which connectors use {target}: {message}",
  usersNone: "No connector is configured to use {target}.",
  usersHeading: "Connectors configured to use {target}:",
  roles: {
    writes: "writes here",
    reads: "reads from here",
  },
  via: "through the key {key}",
  usersWarning: "They keep running: pause or delete them first, or they write again (or fail).",
};
