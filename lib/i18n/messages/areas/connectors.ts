// Catalog group "connectors" in both languages; pt-BR is the source of truth, en must have the same keys.
export const connectorsPtBR = {};

export const connectorsEn: typeof connectorsPtBR = {};
