export const healthKeys = {
  all: ["health"] as const,
  lab: () => [...healthKeys.all, "lab"] as const,
};
