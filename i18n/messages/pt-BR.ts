// The pt-BR catalog is the source of truth: its shape is the `Messages` type every other catalog must match,
// so a key missing from (or extra in) another language fails `tsc`.
// Interpolation: `{name}` is replaced by vars.name.

import { authPtBR } from "./areas/auth";
import { auditPtBR } from "./areas/audit";
import { connectorsPtBR } from "./areas/connectors";
import { topicsPtBR } from "./areas/topics";
import { lakePtBR } from "./areas/lake";
import { generatorsPtBR } from "./areas/generators";
import { errorsPtBR } from "./areas/errors";
import { sqlPtBR } from "./areas/sql";
import { databasePtBR } from "./areas/database";
import { pipelinePtBR } from "./areas/pipeline";
import { confirmPtBR } from "./areas/confirm";
import { checklistPtBR, presentationPtBR } from "./areas/checklist";
import { tracePtBR } from "./areas/trace";
import { serviceNames } from "./service-names";

// Each area's strings live in ./areas/<area>.ts (one file per area keeps parallel work apart).
export const ptBR = {
  auth: authPtBR,
  audit: auditPtBR,
  connectors: connectorsPtBR,
  topics: topicsPtBR,
  lake: lakePtBR,
  generators: generatorsPtBR,
  errors: errorsPtBR,
  sql: sqlPtBR,
  database: databasePtBR,
  confirm: confirmPtBR,
  checklist: checklistPtBR,
  presentation: presentationPtBR,
  pipeline: pipelinePtBR,
  trace: tracePtBR,

  app: {
    name: "Console do Lab",
    description: "Painel de controle do laboratório de engenharia de dados: PostgreSQL → Debezium → Kafka → S3.",
  },
  nav: {
    label: "Navegação principal",
    overview: "Visão geral",
    connectors: "Conectores",
    topics: "Tópicos",
    lake: "Lake",
    database: "Banco de dados",
    generators: "Geradores",
    audit: "Auditoria",
    sql: "SQL",
    trace: "Rastrear",
  },
  locale: {
    label: "Idioma",
    ptBR: "PT-BR",
    en: "EN",
    switchTo: "Mudar o idioma para {name}",
    names: {
      ptBR: "português (Brasil)",
      en: "inglês",
    },
  },
  common: {
    retry: "Tentar de novo",
    loading: "Carregando…",
    unknownError: "Erro desconhecido",
    errorReference: "Referência do erro: {digest}",
    backHome: "Voltar para a visão geral",
  },
  health: {
    label: "Saúde dos serviços do lab",
    loading: "Verificando os serviços do lab…",
    errorTitle: "Não foi possível ler a saúde do lab: {message}",
    stale: "A última verificação falhou; mostrando dados de {time}.",
    checkedAt: "Verificado às {time}",
    up: "no ar",
    down: "fora do ar",
    noData: "sem dados",
    degraded: "degradado",
    membersUp: "{up} de {expected} {kind} no ar",
    membersLabel: "Membros",
    memberKinds: { brokers: "brokers", workers: "workers" },
    latency: "{ms} ms",
    versionLabel: "Versão",
    endpoint: "Endereço",
    reason: "Detalhes",
    closeDetails: "Fechar detalhes",
    services: serviceNames,
    failures: {
      refused: "conexão recusada",
      auth: "falha de autenticação",
      timeout: "tempo esgotado",
      dns: "host não encontrado",
      http: "resposta HTTP inesperada",
      missing: "recurso não encontrado",
      other: "erro inesperado",
    },
  },
  overview: {
    title: "Visão geral",
    intro:
      "O caminho de um dado no lab: uma mudança no banco vira evento no Kafka e arquivo no lake. O desenho vem dos conectores configurados: cada etapa mostra ao vivo sua saúde e seu ritmo, e uma etapa quebrada fica vermelha com a causa e o link para consertar.",
    pipelineTitle: "O pipeline",
    downstream: "depois: dbt / Spark",
    status: {
      up: "no ar",
      down: "fora do ar",
      degraded: "degradado: {members}",
      checking: "verificando…",
    },
    nodes: {
      oltp: {
        title: "PostgreSQL OLTP",
        description:
          "O banco operacional: pessoas, produtos e pedidos ficam aqui, e cada mudança é gravada no WAL.",
      },
      connect: {
        title: "Debezium / Kafka Connect",
        description: "O Debezium, dentro do Kafka Connect, lê o WAL e transforma cada INSERT, UPDATE e DELETE em um evento.",
      },
      kafka: {
        title: "Kafka",
        description: "O Kafka guarda os eventos em tópicos, em ordem, para que qualquer consumidor possa lê-los.",
      },
      sink: {
        title: "S3 sink",
        description: "Um conector sink, também no Kafka Connect, lê o tópico e grava os eventos em arquivos, em lotes.",
      },
      lake: {
        title: "Lake S3 (MinIO)",
        description: "O data lake, compatível com S3, guarda esses arquivos em buckets: raw, trusted e refined.",
      },
      dw: {
        title: "PostgreSQL DW",
        description: "Mais adiante, dbt e Spark transformam os dados do lake no modelo dimensional do data warehouse.",
      },
    },
    checklistTitle: "Checklist do aluno",
    checklistIntro: "Cada etapa deve deixar uma evidência que você consiga mostrar.",
    checklist: {
      stackUp: {
        title: "Subir a stack",
        description: "Todos os serviços na faixa do topo aparecem como no ar.",
      },
      buckets: {
        title: "Criar os buckets",
        description: "Os buckets raw, trusted e refined existem no lake.",
      },
      historical: {
        title: "Carregar os dados históricos",
        description: "O gerador histórico cria pedidos dos últimos 180 dias (cerca de 1 % de fraude).",
      },
      cdc: {
        title: "CDC e Kafka",
        description: "Registre o conector Debezium, altere uma linha em pessoas e veja o evento no tópico.",
      },
      streaming: {
        title: "Streaming",
        description: "O gerador de streaming insere pessoas e pedidos a cada ciclo; o sink grava arquivos no bucket raw.",
      },
      dbt: {
        title: "dbt",
        description: "O dbt constrói as camadas bronze, silver e gold.",
      },
      spark: {
        title: "Spark",
        description: "Jobs do Spark leem o lake e carregam o data warehouse.",
      },
      fraud: {
        title: "Verificar fraudes",
        description:
          "Encontre compras fora de SP, MG e RJ ou de um aparelho novo (cerca de 1 % no histórico, 5 % no streaming).",
      },
      airflow: {
        title: "Airflow",
        description: "O Airflow orquestra o pipeline inteiro.",
      },
    },
  },
  areas: {
    comingSoon: "Em uma próxima etapa",
    connectors: {
      title: "Conectores",
      description:
        "Aqui você vai listar, criar, pausar e reiniciar os conectores do Kafka Connect (Debezium e o sink S3) e ver o estado e o erro de cada tarefa.",
    },
    topics: {
      title: "Tópicos",
      description:
        "Aqui você vai navegar pelos tópicos do Kafka e ver os eventos de mudança chegarem ao vivo, com o antes e o depois de cada linha.",
    },
    lake: {
      title: "Lake",
      description: "Aqui você vai navegar pelos buckets do lake e ver uma prévia dos arquivos que o sink grava.",
    },
    database: {
      title: "Banco de dados",
      description:
        "Aqui você vai consultar as tabelas do OLTP e do DW e conferir se o PostgreSQL está pronto para CDC (wal_level, publicação, slot de replicação).",
    },
    generators: {
      title: "Geradores",
      description:
        "Aqui você vai iniciar e parar os geradores de dados (histórico, streaming e demonstração de CDC) e acompanhar o progresso deles.",
    },
  },
  routeError: {
    title: "Esta página não carregou",
    serverDetailsHidden: "O servidor omitiu os detalhes deste erro; procure a referência abaixo no log do console.",
  },
  notFound: {
    title: "Página não encontrada",
    description: "O endereço que você abriu não existe no console.",
  },
};

export type Messages = typeof ptBR;
