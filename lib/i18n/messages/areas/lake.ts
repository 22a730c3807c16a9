// Catalog group "lake" in both languages; pt-BR is the source of truth, en must have the same keys.
export const lakePtBR = {};

export const lakeEn: typeof lakePtBR = {};
