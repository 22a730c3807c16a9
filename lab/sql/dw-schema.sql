-- Star schema of the lab's warehouse (database liga_sudoers_dw, schema dw), fed downstream (dbt/Spark).
CREATE SCHEMA IF NOT EXISTS dw;

CREATE TABLE IF NOT EXISTS dw.dim_pessoas (
  sk_pessoa   bigserial PRIMARY KEY,
  id_pessoa   bigint NOT NULL,
  nome        varchar(200) NOT NULL,
  sexo        char(1) NOT NULL,
  dt_nasc     date,
  faixa_etaria varchar(20),
  valid_from  timestamp NOT NULL DEFAULT now(),
  valid_to    timestamp,
  is_current  boolean NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS dw.dim_produtos (
  sk_produto  bigserial PRIMARY KEY,
  id_produto  integer NOT NULL,
  descricao   varchar(200) NOT NULL,
  categoria   varchar(100) NOT NULL,
  valor_unit  numeric(10,2) NOT NULL,
  valid_from  timestamp NOT NULL DEFAULT now(),
  valid_to    timestamp,
  is_current  boolean NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS dw.stg_pedidos (
  id_pedido   integer NOT NULL,
  id_pessoa   bigint NOT NULL,
  id_produto  integer NOT NULL,
  dt_venda    timestamp NOT NULL,
  qtde        integer NOT NULL,
  valor_total numeric(10,2) NOT NULL,
  dispositivo varchar(50),
  geohash     varchar(50),
  loaded_at   timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS dw.fato_pedidos (
  id_pedido   integer NOT NULL,
  sk_pessoa   bigint NOT NULL REFERENCES dw.dim_pessoas(sk_pessoa),
  sk_produto  bigint NOT NULL REFERENCES dw.dim_produtos(sk_produto),
  dt_venda    timestamp NOT NULL,
  qtde        integer NOT NULL,
  valor_total numeric(10,2) NOT NULL,
  dispositivo varchar(50),
  geohash     varchar(50),
  fraude      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (id_pedido, sk_produto)
);
