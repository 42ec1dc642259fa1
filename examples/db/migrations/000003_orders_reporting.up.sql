-- Widen the total for large B2B orders and make status searchable.
ALTER TABLE orders MODIFY total_cents BIGINT NOT NULL;
CREATE INDEX orders_status_index ON orders (status);
ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id);
