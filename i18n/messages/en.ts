import type { Messages } from "./pt-BR";
import { authEn } from "./areas/auth";
import { auditEn } from "./areas/audit";
import { connectorsEn } from "./areas/connectors";
import { topicsEn } from "./areas/topics";
import { lakeEn } from "./areas/lake";
import { generatorsEn } from "./areas/generators";
import { errorsEn } from "./areas/errors";
import { sqlEn } from "./areas/sql";
import { databaseEn } from "./areas/database";
import { pipelineEn } from "./areas/pipeline";
import { confirmEn } from "./areas/confirm";
import { checklistEn, presentationEn } from "./areas/checklist";
import { traceEn } from "./areas/trace";
import { serviceNames } from "./service-names";


export const en: Messages = {
  auth: authEn,
  audit: auditEn,
  connectors: connectorsEn,
  topics: topicsEn,
  lake: lakeEn,
  generators: generatorsEn,
  errors: errorsEn,
  sql: sqlEn,
  database: databaseEn,
  confirm: confirmEn,
  checklist: checklistEn,
  presentation: presentationEn,
  pipeline: pipelineEn,
  trace: traceEn,

  app: {
    name: "Lab Console",
    description: "Control plane of the data-engineering lab: PostgreSQL → Debezium → Kafka → S3.",
  },
  nav: {
    label: "Main navigation",
    overview: "Overview",
    connectors: "Connectors",
    topics: "Topics",
    lake: "Lake",
    database: "Database",
    generators: "Generators",
    audit: "Audit log",
    sql: "SQL",
    trace: "Trace",
  },
  locale: {
    label: "Language",
    ptBR: "PT-BR",
    en: "EN",
    switchTo: "Switch the language to {name}",
    names: {
      ptBR: "Portuguese (Brazil)",
      en: "English",
    },
  },
  common: {
    retry: "Try again",
    loading: "Loading…",
    unknownError: "Unknown error",
    errorReference: "Error reference: {digest}",
    backHome: "Back to the overview",
  },
  health: {
    label: "Health of the lab's services",
    loading: "Checking the lab's services…",
    errorTitle: "Could not read the lab's health: {message}",
    stale: "The last check failed; showing data from {time}.",
    checkedAt: "Checked at {time}",
    up: "up",
    down: "down",
    noData: "no data",
    degraded: "degraded",
    membersUp: "{up} of {expected} {kind} up",
    membersLabel: "Members",
    memberKinds: { brokers: "brokers", workers: "workers" },
    latency: "{ms} ms",
    versionLabel: "Version",
    endpoint: "Endpoint",
    reason: "Details",
    closeDetails: "Close details",
    services: serviceNames,
    failures: {
      refused: "connection refused",
      auth: "authentication failed",
      timeout: "timed out",
      dns: "host not found",
      http: "unexpected HTTP response",
      missing: "resource not found",
      other: "unexpected error",
    },
  },
  overview: {
    title: "Overview",
    intro:
      "How a piece of data travels through the lab: a change in the database becomes an event in Kafka and a file in the lake. The drawing comes from the configured connectors: each stage shows its health and rate live, and a broken stage turns red with its cause and a link to fix it.",
    pipelineTitle: "The pipeline",
    downstream: "later: dbt / Spark",
    status: {
      up: "up",
      down: "down",
      degraded: "degraded: {members}",
      checking: "checking…",
    },
    nodes: {
      oltp: {
        title: "PostgreSQL OLTP",
        description: "The operational database: people, products and orders live here, and every change is written to the WAL.",
      },
      connect: {
        title: "Debezium / Kafka Connect",
        description: "Debezium, running inside Kafka Connect, reads the WAL and turns each INSERT, UPDATE and DELETE into an event.",
      },
      kafka: {
        title: "Kafka",
        description: "Kafka keeps the events in topics, in order, so any consumer can read them.",
      },
      sink: {
        title: "S3 sink",
        description: "A sink connector, also in Kafka Connect, reads the topic and writes the events to files, in batches.",
      },
      lake: {
        title: "S3 lake (MinIO)",
        description: "The S3-compatible data lake keeps those files in buckets: raw, trusted and refined.",
      },
      dw: {
        title: "PostgreSQL DW",
        description: "Further down, dbt and Spark turn the lake's data into the data warehouse's dimensional model.",
      },
    },
    checklistTitle: "Students' checklist",
    checklistIntro: "Every step should leave evidence you can show.",
    checklist: {
      stackUp: {
        title: "Bring the stack up",
        description: "Every service in the strip at the top shows as up.",
      },
      buckets: {
        title: "Create the buckets",
        description: "The raw, trusted and refined buckets exist in the lake.",
      },
      historical: {
        title: "Load the historical data",
        description: "The historical generator creates orders from the last 180 days (about 1 % fraud).",
      },
      cdc: {
        title: "CDC and Kafka",
        description: "Register the Debezium connector, change a row in pessoas and see the event in the topic.",
      },
      streaming: {
        title: "Streaming",
        description: "The streaming generator inserts people and orders every cycle; the sink writes files to the raw bucket.",
      },
      dbt: {
        title: "dbt",
        description: "dbt builds the bronze, silver and gold layers.",
      },
      spark: {
        title: "Spark",
        description: "Spark jobs read the lake and load the data warehouse.",
      },
      fraud: {
        title: "Check for fraud",
        description:
          "Find purchases outside SP, MG and RJ or from a new device (about 1 % in the historical data, 5 % in streaming).",
      },
      airflow: {
        title: "Airflow",
        description: "Airflow orchestrates the whole pipeline.",
      },
    },
  },
  areas: {
    comingSoon: "In a later issue",
    connectors: {
      title: "Connectors",
      description:
        "Here you will list, create, pause and restart Kafka Connect connectors (Debezium and the S3 sink) and see each task's state and error.",
    },
    topics: {
      title: "Topics",
      description:
        "Here you will browse Kafka topics and watch change events arrive live, with the before and after of each row.",
    },
    lake: {
      title: "Lake",
      description: "Here you will browse the lake's buckets and preview the files the sink writes.",
    },
    database: {
      title: "Database",
      description:
        "Here you will look at the OLTP and DW tables and check that PostgreSQL is ready for CDC (wal_level, publication, replication slot).",
    },
    generators: {
      title: "Generators",
      description:
        "Here you will start and stop the data generators (historical, streaming and the CDC demo) and follow their progress.",
    },
  },
  routeError: {
    title: "This page failed to load",
    serverDetailsHidden: "The server hid this error's details; look for the reference below in the console's log.",
  },
  notFound: {
    title: "Page not found",
    description: "The address you opened does not exist in the console.",
  },
};
