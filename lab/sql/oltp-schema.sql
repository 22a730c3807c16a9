-- OLTP schema of the Liga Sudoers lab (database liga_sudoers, schema public, 3NF), as in SEED.md.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE IF NOT EXISTS categorias (
  id          serial PRIMARY KEY,
  descricao   varchar(100) NOT NULL,
  created_at  timestamp NOT NULL DEFAULT now(),
  updated_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS produtos (
  id           serial PRIMARY KEY,
  id_categoria integer NOT NULL REFERENCES categorias(id),
  descricao    varchar(200) NOT NULL,
  valor_unit   numeric(10,2) NOT NULL,
  created_at   timestamp NOT NULL DEFAULT now(),
  updated_at   timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS pessoas (
  id          bigint PRIMARY KEY,          -- 11-digit CPF-like number
  nome        varchar(200) NOT NULL,
  sexo        char(1) NOT NULL DEFAULT 'M',
  dt_nasc     date NOT NULL,
  created_at  timestamp NOT NULL DEFAULT now(),
  updated_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS pedidos (
  id          serial PRIMARY KEY,
  id_pessoa   bigint NOT NULL REFERENCES pessoas(id),
  dt_venda    timestamp NOT NULL DEFAULT now(),
  valor_total numeric(10,2) NOT NULL,
  created_at  timestamp NOT NULL DEFAULT now(),
  updated_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS itens_pedidos (
  id_pedido   integer NOT NULL REFERENCES pedidos(id),
  id_produto  integer NOT NULL REFERENCES produtos(id),
  qtde        integer NOT NULL DEFAULT 1,
  valor_total numeric(10,2) NOT NULL,
  created_at  timestamp NOT NULL DEFAULT now(),
  updated_at  timestamp NOT NULL DEFAULT now(),
  PRIMARY KEY (id_pedido, id_produto)
);

CREATE TABLE IF NOT EXISTS auditoria_pedidos (
  id_pedido   integer PRIMARY KEY REFERENCES pedidos(id),
  dispositivo varchar(50) NOT NULL,
  geohash     varchar(50) NOT NULL,
  telefone    varchar(20) NOT NULL,
  created_at  timestamp NOT NULL DEFAULT now(),
  updated_at  timestamp NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS pedidos_id_pessoa_idx ON pedidos(id_pessoa);
CREATE INDEX IF NOT EXISTS produtos_id_categoria_idx ON produtos(id_categoria);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['categorias','produtos','pessoas','pedidos','itens_pedidos','auditoria_pedidos'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_updated_at', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()', t || '_updated_at', t);
  END LOOP;
END $$;

-- The course's Debezium user (SEED.md): replication rights and read access to pessoas.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'debezium') THEN
    CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD 'sudoers';
  END IF;
END $$;
GRANT SELECT ON pessoas TO debezium;
