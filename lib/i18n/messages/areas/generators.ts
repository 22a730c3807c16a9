// Catalog group "generators" in both languages; pt-BR is the source of truth, en must have the same keys.
export const generatorsPtBR = {};

export const generatorsEn: typeof generatorsPtBR = {};
