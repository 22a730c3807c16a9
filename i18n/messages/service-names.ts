// The lab's services by their product names, which every catalog shows as they are (no translation).
export const serviceNames = {
  postgresOltp: "PostgreSQL OLTP",
  postgresDw: "PostgreSQL DW",
  kafka: "Kafka",
  connect: "Kafka Connect",
  s3: "S3",
};
