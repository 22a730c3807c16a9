// Catalog group "topics" in both languages; pt-BR is the source of truth, en must have the same keys.
export const topicsPtBR = {};

export const topicsEn: typeof topicsPtBR = {};
